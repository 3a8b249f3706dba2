package io.labdeck.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A path inside the learner's working directory, as a browser names it: relative, with no {@code ..}, no NUL and no
 * control characters. {@code .} and empty segments are dropped, so {@code ./app//main.py} is {@code app/main.py}, and
 * the empty path is the working directory itself. Symlinks can only be judged inside the sandbox, so a
 * {@link SandboxFiles} backend checks them again where the path is used.
 *
 * @param value the normalised path, segments joined by {@code /}; empty for the working directory
 */
public record FilePath(String value) {

    /** Longer paths are refused: no lab needs them, and the sandbox's own limit is 4096. */
    public static final int MAX_LENGTH = 1024;
    private static final int MAX_SEGMENT = 255;

    /**
     * The path that {@code raw} names.
     *
     * @throws FileProblemException (invalid path) naming the path and the rule it breaks
     */
    public static FilePath of(String raw) {
        String path = raw == null ? "" : raw;
        if (path.length() > MAX_LENGTH) {
            throw invalid(path.substring(0, 40) + "...", "it is longer than " + MAX_LENGTH + " characters");
        }
        if (path.indexOf('\0') >= 0) {
            throw invalid(path.replace("\0", "\\0"), "it contains a NUL byte");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(path, "it contains a control character (a line break, a tab...)");
        }
        if (path.startsWith("/") || path.startsWith("~")) {
            throw invalid(path, "it is absolute; name it relative to the working directory, e.g. 'app/main.py'");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw invalid(path, "'..' would leave the working directory");
            }
            if (segment.length() > MAX_SEGMENT) {
                throw invalid(path, "a name in it is longer than " + MAX_SEGMENT + " characters");
            }
            segments.add(segment);
        }
        return new FilePath(String.join("/", segments));
    }

    /** Whether this is the working directory itself. */
    public boolean root() {
        return value.isEmpty();
    }

    /** The last segment; empty for the working directory. */
    public String name() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    private static FileProblemException invalid(String path, String why) {
        return new FileProblemException(FileProblemException.Kind.INVALID_PATH,
                "The path '" + path + "' is refused: " + why + ".");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "." : value;
    }
}
