package io.labdeck.web;

import java.util.ArrayList;
import java.util.List;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabDocument;
import io.labdeck.lab.Step;

/**
 * A lab in one language, ready for the lab page template: titles are plain text, HTML is the sanitised markdown
 * (its placeholders were resolved by {@link io.labdeck.lab.LabService#document}).
 *
 * @param id        the lab id
 * @param lang      the content language
 * @param title     the lab's title in {@code lang}
 * @param introHtml the text before the first step
 * @param steps     the steps in document order
 * @param languages the lab page in each of the lab's languages
 */
public record LabPage(String id, String lang, String title, String introHtml, List<StepView> steps,
        List<LanguageLink> languages) {

    public static LabPage of(Lab lab, LabDocument doc) {
        List<StepView> steps = new ArrayList<>();
        for (Step step : doc.steps()) {
            steps.add(new StepView(steps.size() + 1, step.id(), step.title(), step.body().html(), step.hasCheck()));
        }
        return new LabPage(lab.id(), doc.lang(), doc.title(), doc.intro().html(), List.copyOf(steps),
                LanguageLink.toLab(lab.id(), lab.languages(), doc.lang()));
    }

    public int stepCount() {
        return steps.size();
    }

    public boolean hasIntro() {
        return !introHtml.isBlank();
    }
}
