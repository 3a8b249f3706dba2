package io.labdeck.lab;

import java.util.Optional;

/**
 * A step: one {@code ##} heading of a lab document and what follows it up to the next.
 *
 * @param id    from an explicit anchor ({@code <a name>} or {@code {#id}}) or a slug of the heading
 * @param title the heading as plain text
 * @param body  the rendered text under the heading
 * @param check the step's entry in lab.yaml, if it has one
 */
public record Step(String id, String title, Section body, Optional<CheckSpec> check) {

    public boolean hasCheck() {
        return check.map(CheckSpec::hasScript).orElse(false);
    }
}
