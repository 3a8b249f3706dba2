package io.labdeck.web;

import java.util.List;

import io.labdeck.lab.Lab;

/**
 * A lab as the class form offers it.
 *
 * @param id        the lab id
 * @param title     its title in the UI language when it has it, else in its first language
 * @param languages the languages a class of it may be held in, space-separated (for the form's script)
 * @param first     the language picked when this lab is chosen: the UI language if the lab has it
 */
public record LabOption(String id, String title, String languages, String first) {

    static LabOption of(Lab lab, String uiLang) {
        List<String> langs = lab.languages();
        String lang = langs.contains(uiLang) ? uiLang : langs.get(0);
        return new LabOption(lab.id(), LabCard.title(lab, lang), String.join(" ", langs), lang);
    }
}
