package io.labdeck.lab;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A {@code labdeck:} link of lab text: {@code labdeck:open-file?path=app.py} opens a file of the working directory in
 * the Editor tab, {@code labdeck:open-port?port=5001} that port's preview tab. Plain CommonMark keeps such a link a
 * link (GitHub shows its text and drops the unknown scheme), so the markdown stays valid elsewhere.
 *
 * @param action {@code open-file} or {@code open-port}
 * @param value  the path (relative to the working directory) or the port number as text
 */
record ActionLink(String action, String value) {

    static final String SCHEME = "labdeck:";
    static final String OPEN_FILE = "open-file";
    static final String OPEN_PORT = "open-port";

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** Whether a link's destination is one of ours (the scheme in any case, as browsers read it). */
    static boolean isAction(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /**
     * Reads a {@code labdeck:} destination.
     *
     * @throws IllegalArgumentException with what is wrong, in words an author can act on
     */
    static ActionLink parse(String url) {
        String rest = url.strip().substring(SCHEME.length());
        int q = rest.indexOf('?');
        String action = (q < 0 ? rest : rest.substring(0, q)).toLowerCase(Locale.ROOT);
        Map<String, String> params = params(q < 0 ? "" : rest.substring(q + 1), url);
        return switch (action) {
            case OPEN_FILE -> new ActionLink(OPEN_FILE, path(only(params, "path", url)));
            case OPEN_PORT -> new ActionLink(OPEN_PORT, String.valueOf(port(only(params, "port", url))));
            default -> throw new IllegalArgumentException("unknown action '" + action + "' in the link " + url
                    + "; the actions are labdeck:open-file?path=FILE and labdeck:open-port?port=N");
        };
    }

    /** The port a text names, 1-65535. */
    static int port(String text) {
        String t = text.strip();
        OptionalInt port = PORT.matcher(t).matches() ? OptionalInt.of(Integer.parseInt(t)) : OptionalInt.empty();
        if (port.isEmpty() || port.getAsInt() < 1 || port.getAsInt() > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not a port; write a number from 1 to 65535");
        }
        return port.getAsInt();
    }

    /** A path relative to the working directory that stays in it: not absolute, no {@code ..} part. */
    static String path(String text) {
        String p = text.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("open-file needs a path, e.g. labdeck:open-file?path=app.py");
        }
        if (p.startsWith("/") || p.startsWith("~") || p.startsWith("\\") || p.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("the path '" + p + "' is absolute; give it relative to the working"
                    + " directory, e.g. app/Dockerfile");
        }
        for (String part : p.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("the path '" + p + "' leaves the working directory (..)");
            }
        }
        if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the path '" + p + "' has a control character");
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    private static String only(Map<String, String> params, String name, String url) {
        params.keySet().stream().filter(k -> !k.equals(name)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unknown parameter '" + k + "' in the link " + url + "; it takes "
                    + name + "= only");
        });
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the link " + url + " has no " + name + "=");
        }
        return value;
    }

    /** %-escapes only: a {@code +} stays a plus, as in a file name like {@code c++.txt}. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> params(String query, String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                params.put(decode(key), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the link " + url + " has a bad %-escape");
            }
        }
        return params;
    }
}
