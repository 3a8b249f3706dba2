package io.labdeck.web;

import java.util.List;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabDocument;

/**
 * A lab as the catalogue shows it, in one of its languages.
 *
 * @param id          the lab id
 * @param lang        the language the card is written in
 * @param title       the title in {@code lang}
 * @param description the summary in {@code lang}, else in another of the lab's languages; empty when there is none
 * @param steps       how many steps the lab has
 * @param href        the lab page in {@code lang}
 * @param languages   the lab page in each of the lab's languages
 */
public record LabCard(String id, String lang, String title, String description, int steps, String href,
        List<LanguageLink> languages) {

    /** The card in {@code uiLang} when the lab has it, else in the lab's first language. */
    public static LabCard of(Lab lab, String uiLang) {
        List<String> langs = lab.languages();
        String lang = langs.contains(uiLang) ? uiLang : langs.get(0);
        return new LabCard(lab.id(), lang, title(lab, lang), description(lab, lang),
                lab.document(lang).map(LabDocument::steps).map(List::size).orElse(0),
                LanguageLink.labHref(lab.id(), lang), LanguageLink.toLab(lab.id(), langs, lang));
    }

    /** The loader already resolved each language's title (lab.yaml, front matter, heading, or the id). */
    static String title(Lab lab, String lang) {
        return lab.titles().getOrDefault(lang, lab.id());
    }

    // Descriptions are optional per language; a summary in another language beats an empty card.
    private static String description(Lab lab, String lang) {
        String own = lab.descriptions().get(lang);
        if (own != null && !own.isBlank()) {
            return own;
        }
        return lab.languages().stream().map(lab.descriptions()::get).filter(d -> d != null && !d.isBlank())
                .findFirst().orElse("");
    }

    public boolean hasDescription() {
        return !description.isEmpty();
    }
}
