package io.labdeck.lab;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

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

    /** The ports the text names ({@code {{port:N}}}, open-port links), so the page can show them before they listen. */
    public SortedSet<Integer> namedPorts() {
        SortedSet<Integer> ports = new TreeSet<>(intro.ports());
        steps.forEach(s -> ports.addAll(s.body().ports()));
        return Collections.unmodifiableSortedSet(ports);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
