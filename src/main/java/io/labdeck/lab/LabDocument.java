package io.labdeck.lab;

import java.util.List;
import java.util.Optional;

/**
 * One language's text of a lab, split into an introduction and steps.
 *
 * @param lang   language code, e.g. {@code ja}
 * @param title  the title to show: lab.yaml's, else the front matter's, else the document's first {@code #} heading
 * @param intro  what comes before the first {@code ##} heading
 * @param steps  one per {@code ##} heading, in document order
 * @param source the markdown file, for messages
 */
public record LabDocument(String lang, String title, Section intro, List<Step> steps, String source) {

    public LabDocument {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
