package io.labdeck.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses languages for pages: the UI language (the message bundle's en, ja or ko) and, for a lab, which of its
 * languages to show. An explicit {@code ?lang=} wins, then the browser's {@code Accept-Language}, then a default.
 */
public final class UiLanguage {

    /** Languages the message bundle has; {@code en} is the bundle's default. */
    public static final List<String> SUPPORTED = List.of("en", "ja", "ko");
    public static final String DEFAULT = "en";

    private UiLanguage() {
    }

    /**
     * The UI language: {@code requested} when the bundle has it, else the browser's choice, else {@link #DEFAULT}.
     * A lab page passes its content language as {@code requested}, so the buttons match the text.
     */
    public static String pick(String requested, String acceptLanguage) {
        String wanted = normalise(requested);
        if (SUPPORTED.contains(wanted)) {
            return wanted;
        }
        return bestMatch(acceptLanguage, SUPPORTED).orElse(DEFAULT);
    }

    /**
     * The first of {@code available} that the header accepts, in the header's quality order. Regions are ignored
     * ({@code ja-JP} matches {@code ja}) because labs are written per language, not per region. A malformed header
     * counts as absent: it must never turn a page into an error.
     */
    public static Optional<String> bestMatch(String acceptLanguage, Collection<String> available) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = normalise(range.getRange());
            if (available.contains(primary)) {
                return Optional.of(primary);
            }
        }
        return Optional.empty();
    }

    /** {@code ja-JP}, {@code JA} and {@code ja_jp} all mean {@code ja}. */
    static String normalise(String tag) {
        if (tag == null) {
            return "";
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int cut = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
        return cut >= 0 ? t.substring(0, cut) : t;
    }

    public static Locale locale(String uiLang) {
        return Locale.forLanguageTag(uiLang);
    }
}
