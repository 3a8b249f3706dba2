package io.labdeck.lab;

import java.util.List;
import java.util.Optional;

/**
 * A lab markdown file split into its parts, before it is joined to lab.yaml.
 *
 * @param title the front matter's title, else the text of a leading {@code #} heading
 * @param intro everything before the first {@code ##} heading
 * @param steps one per {@code ##} heading
 */
record ParsedDocument(Optional<String> title, Section intro, List<ParsedStep> steps) {

    /** A {@code ##} heading and what follows it. */
    record ParsedStep(String id, String title, Section body, int line) {
    }
}
