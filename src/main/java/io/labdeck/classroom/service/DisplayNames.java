package io.labdeck.classroom.service;

import io.labdeck.session.InvalidRequestException;
import java.text.Normalizer;

/** Learners' display names: 1 to 40 characters of any script, without control or formatting characters. */
final class DisplayNames {

    static final int MAX = 40;

    private DisplayNames() {
    }

    static String clean(String typed) {
        String name = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidRequestException("Give a display name: how your instructor will see you.");
        }
        if (name.codePointCount(0, name.length()) > MAX) {
            throw new InvalidRequestException("A display name has at most " + MAX + " characters.");
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.UNASSIGNED)) {
            throw new InvalidRequestException("A display name cannot hold control or invisible characters.");
        }
        return name;
    }
}
