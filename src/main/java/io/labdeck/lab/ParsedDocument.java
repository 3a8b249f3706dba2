package io.labdeck.lab;

import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A lab markdown file split into its parts, before it is joined to lab.yaml.
 *
 * @param title the front matter's title, else the text of a leading {@code #} heading
 * @param intro everything before the first {@code ##} heading
 * @param steps one per {@code ##} heading
 * @param ports the ports the text names ({@code {{port:N}}}, open-port links), each with the first line naming it
 */
record ParsedDocument(Optional<String> title, Section intro, List<ParsedStep> steps, SortedMap<Integer, Integer> ports) {

    ParsedDocument {
        ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
    }

    /** A {@code ##} heading and what follows it. */
    record ParsedStep(String id, String title, Section body, int line) {
    }
}
