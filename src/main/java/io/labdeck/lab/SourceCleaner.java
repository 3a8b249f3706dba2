package io.labdeck.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what Jekyll and kramdown would have consumed before markdown: Liquid tags everywhere (Jekyll renders
 * Liquid first, code included) and kramdown attribute lists outside code. Line count is kept, so the markdown
 * parser's line numbers still point into the author's file.
 */
final class SourceCleaner {

    private static final Pattern LIQUID_TAG = Pattern.compile("\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:[^}\\n]*}");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private SourceCleaner() {
    }

    static String clean(String markdown) {
        return removeAttributeLists(removeLiquid(markdown));
    }

    private static String removeLiquid(String markdown) {
        Matcher m = LIQUID_TAG.matcher(markdown);
        // Keep the newlines a multi-line tag spanned.
        return m.replaceAll(r -> "\n".repeat((int) r.group().chars().filter(c -> c == '\n').count()));
    }

    private static String removeAttributeLists(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        String openFence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher fence = FENCE.matcher(stripQuoteAndIndent(line));
            if (fence.matches()) {
                String marker = fence.group(1);
                if (openFence == null) {
                    openFence = marker;
                } else if (marker.charAt(0) == openFence.charAt(0) && marker.length() >= openFence.length()) {
                    openFence = null;
                }
            } else if (openFence == null) {
                line = ATTRIBUTE_LIST.matcher(line).replaceAll("");
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Fences may sit in blockquotes or list items; their markers still open and close code. */
    private static String stripQuoteAndIndent(String line) {
        return line.replaceFirst("^(\\s*>)*\\s*", "");
    }
}
