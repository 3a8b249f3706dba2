package io.labdeck.lab;

/**
 * Values substituted for {@code {{registry}}} and {@code {{session}}} in lab text and commands.
 * Both are host names or short ids, so they need no HTML escaping.
 *
 * @param registry host:port of the registry a session pushes to
 * @param session  the session's short id
 */
public record Placeholders(String registry, String session) {

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{\\{\\s*(registry|session)\\s*}}");

    /** Before a session exists: the registry is known, {@code {{session}}} stays as it is. */
    public static Placeholders withoutSession(String registry) {
        return new Placeholders(registry, "{{session}}");
    }

    public String apply(String text) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1).equals("registry") ? registry : session));
    }
}
