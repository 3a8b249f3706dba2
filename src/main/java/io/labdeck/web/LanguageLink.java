package io.labdeck.web;

import java.util.List;
import java.util.Locale;

/**
 * A link to a page in another language, labelled with the language's own name (日本語, 한국어) because a reader
 * looks for the language they can read, not for its name in the language they cannot.
 *
 * @param code    language code, e.g. {@code ja}
 * @param name    the language's name in itself
 * @param href    where the link goes
 * @param current whether this is the language being shown
 */
public record LanguageLink(String code, String name, String href, boolean current) {

    public static LanguageLink of(String code, String href, String currentCode) {
        return new LanguageLink(code, nameOf(code), href, code.equals(currentCode));
    }

    /** The lab page in each of {@code codes}. */
    public static List<LanguageLink> toLab(String labId, List<String> codes, String currentCode) {
        return codes.stream().map(c -> of(c, labHref(labId, c), currentCode)).toList();
    }

    /** A page in each UI language ({@code path?lang=code}). */
    public static List<LanguageLink> toPage(String path, String currentCode) {
        return UiLanguage.SUPPORTED.stream().map(c -> of(c, path + "?lang=" + c, currentCode)).toList();
    }

    public static String labHref(String labId, String lang) {
        return "/labs/" + PathSegments.encode(labId) + "?lang=" + PathSegments.encode(lang);
    }

    static String nameOf(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equalsIgnoreCase(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
