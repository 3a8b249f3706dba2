package io.labdeck.check;

import java.util.Arrays;
import java.util.List;

import io.labdeck.sandbox.ExecResult;

/**
 * Turns what a check printed into the short message a learner reads. A line starting {@code FAIL:} is the author's
 * reason and wins; otherwise the last few lines are kept. The platform's own words (timeouts, a killed shell) are in
 * English for now, like the other server messages; lab text carries the languages.
 */
final class CheckMessages {

    private static final String FAIL = "FAIL:";

    private CheckMessages() {
    }

    static String message(ExecResult result, int maxLines, int maxChars) {
        String printed = (result.stdout() + (result.stdout().endsWith("\n") || result.stderr().isEmpty() ? "" : "\n")
                + result.stderr()).replace("\r", "");
        List<String> lines = Arrays.stream(printed.split("\n")).map(String::stripTrailing)
                .filter(l -> !l.isBlank()).toList();
        String reason = lines.stream().filter(l -> l.startsWith(FAIL)).reduce((a, b) -> b)
                .map(l -> l.substring(FAIL.length()).strip()).orElse(null);
        String text = reason != null ? reason
                : String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        if (result.timedOut()) {
            text = join("The check did not finish within " + Math.max(1, result.elapsed().toSeconds())
                    + " s and was stopped.", text);
        } else if (result.exitCode() == 153) {
            text = join("The check printed more than is kept and was stopped.", text.replace(
                    "File size limit exceeded", "").strip());
        } else if (result.exitCode() == 137 || result.exitCode() == 143) {
            text = join("The check was killed (exit " + result.exitCode() + ").", text);
        }
        if (result.truncated()) {
            text = join(text, "(output was cut short)");
        }
        return cap(text, maxChars);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
    }

    /** Keeps the end, cutting at a code point boundary. */
    static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int from = text.length() - maxChars + 1;
        if (Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        return "…" + text.substring(from);
    }
}
