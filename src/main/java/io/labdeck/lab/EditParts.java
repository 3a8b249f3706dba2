package io.labdeck.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.function.UnaryOperator;

/**
 * The «parts» of a copy-and-edit block ({@code ```sh edit}): text between {@code «} and {@code »} on one line is what
 * the learner must change before the block runs. Parts with the same text are one part: changing {@code «name»} once
 * changes it everywhere in the block. The command keeps the markers; the page fills in what the learner typed.
 */
final class EditParts {

    static final char OPEN = '«';
    static final char CLOSE = '»';

    /** A problem on a line of the block's text, 0-based. */
    record Problem(int line, String message) {
    }

    private EditParts() {
    }

    /** The distinct parts of text in order of first use. */
    static SequencedSet<String> names(String text) {
        SequencedSet<String> names = new LinkedHashSet<>();
        text.lines().forEach(line -> {
            int at = 0;
            while ((at = line.indexOf(OPEN, at)) >= 0) {
                int end = line.indexOf(CLOSE, at + 1);
                if (end < 0) {
                    return;
                }
                names.add(line.substring(at + 1, end));
                at = end + 1;
            }
        });
        return names;
    }

    /** What is wrong with the markers of a block: one unclosed, empty or nested, by line. */
    static List<Problem> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = 0;
            while ((at = line.indexOf(OPEN, at)) >= 0) {
                int end = line.indexOf(CLOSE, at + 1);
                int next = line.indexOf(OPEN, at + 1);
                if (end < 0) {
                    problems.add(new Problem(i, "« has no closing » on its line"));
                    break;
                }
                if (next >= 0 && next < end) {
                    problems.add(new Problem(i, "«parts» cannot be nested"));
                    break;
                }
                if (line.substring(at + 1, end).isBlank()) {
                    problems.add(new Problem(i, "«» marks nothing; put the text to change between « and »"));
                }
                at = end + 1;
            }
        }
        return problems;
    }

    /**
     * The block's code as HTML: escaped, each part a {@code <span class="edit-part" data-part="…">} the page turns
     * into an input. Markers that do not pair up are left as text (the loader has already said so).
     */
    static String html(String code, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < code.length()) {
            int open = code.indexOf(OPEN, at);
            int close = open < 0 ? -1 : code.indexOf(CLOSE, open + 1);
            int newline = open < 0 ? -1 : code.indexOf('\n', open);
            if (open < 0 || close < 0 || (newline >= 0 && newline < close)) {
                int stop = open < 0 ? code.length() : open + 1;
                out.append(escape.apply(code.substring(at, stop)));
                at = stop;
                continue;
            }
            String name = code.substring(open + 1, close);
            out.append(escape.apply(code.substring(at, open))).append("<span class=\"edit-part\" data-part=\"")
                    .append(escape.apply(name)).append("\">").append(escape.apply(name)).append("</span>");
            at = close + 1;
        }
        return out.toString();
    }
}
