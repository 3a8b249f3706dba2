package io.labdeck.labtest;

/**
 * One line of the lab test table: what was tried, in which lab and language, and how it went.
 *
 * @param lab     the lab id
 * @param lang    the language whose text was used
 * @param step    the step id; {@code sandbox} for the lab's sandbox, {@code content} for a whole-language check,
 *                {@code intro} for the text before the first step
 * @param phase   what was tried
 * @param passed  whether it went as it must
 * @param message the check's or the script's message, or why it failed
 */
public record LabTestRow(String lab, String lang, String step, Phase phase, boolean passed, String message) {

    /** The step column of rows about the lab's sandbox rather than a step. */
    public static final String SANDBOX = "sandbox";
    /** The step column of rows about a whole language's text. */
    public static final String CONTENT = "content";
    /** The step column of rows about the introduction (the text before the first step). */
    public static final String INTRO = "intro";

    public LabTestRow {
        message = message == null ? "" : message;
    }

    /** What a row tried. */
    public enum Phase {
        /** Create the sandbox; the lab's setup runs inside the creation. */
        START("start"),
        /** The step's own setup. */
        SETUP("setup"),
        /** The check must fail on a sandbox where the step has not been done. */
        FAILS_BEFORE_SOLVE("fails-before-solve"),
        /** The solve script must succeed. */
        SOLVE("solve"),
        /** The check must pass once the solve has run. */
        PASSES_AFTER_SOLVE("passes-after-solve"),
        /** Every step id in lab.yaml has a heading in the language's text. */
        STEP_IDS("step-ids"),
        /** No {@code {{name}}} is left once the placeholders are filled. */
        PLACEHOLDERS("placeholders"),
        /** Every runnable block parses as shell. */
        SHELL_SYNTAX("shell-syntax"),
        /** Testing the language stopped on an unexpected error; its sandbox was still removed. */
        ERROR("error");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
