package io.labdeck.labtest;

import java.util.function.Consumer;

/**
 * Writes the rows of one lab in one language, so the testers name only the step, the phase and the outcome.
 *
 * @param lab  the lab id
 * @param lang the language
 * @param sink where rows go (the report)
 */
record RowWriter(String lab, String lang, Consumer<LabTestRow> sink) {

    void pass(String step, LabTestRow.Phase phase, String message) {
        sink.accept(new LabTestRow(lab, lang, step, phase, true, message));
    }

    void fail(String step, LabTestRow.Phase phase, String message) {
        sink.accept(new LabTestRow(lab, lang, step, phase, false, message));
    }
}
