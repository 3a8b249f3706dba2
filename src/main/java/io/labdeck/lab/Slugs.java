package io.labdeck.lab;

import java.util.Locale;

/** GitHub-style heading slugs, so an author can guess a step's id from its heading in any script. */
final class Slugs {

    private Slugs() {
    }

    static String slug(String heading) {
        String slug = heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\s_-]", "")
                .replaceAll("\\s", "-");
        return slug.isEmpty() ? "step" : slug;
    }
}
