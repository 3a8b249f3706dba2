package io.labdeck.web;

import java.util.ArrayList;
import java.util.List;

import io.labdeck.lab.CheckSpec;
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
 * @param authoring whether the page offers authoring tools ("solve this step")
 */
public record LabPage(String id, String lang, String title, String introHtml, List<StepView> steps,
        List<LanguageLink> languages, boolean authoring) {

    public static LabPage of(Lab lab, LabDocument doc, boolean authoring) {
        List<StepView> steps = new ArrayList<>();
        for (Step step : doc.steps()) {
            boolean hasSolve = step.hasCheck() && step.check().flatMap(CheckSpec::solve).isPresent();
            steps.add(new StepView(steps.size() + 1, step.id(), step.title(), step.body().html(), step.hasCheck(),
                    hasSolve));
        }
        return new LabPage(lab.id(), doc.lang(), doc.title(), doc.intro().html(), List.copyOf(steps),
                LanguageLink.toLab(lab.id(), lab.languages(), doc.lang()), authoring);
    }

    public int stepCount() {
        return steps.size();
    }

    /** The steps progress counts: only a step with a check can pass. */
    public int checkCount() {
        return (int) steps.stream().filter(StepView::hasCheck).count();
    }

    public boolean hasIntro() {
        return !introHtml.isBlank();
    }
}
