package io.labdeck.preview.access;

import java.util.Optional;

/**
 * What a preview host's cookie proves: that a hand-off let its browser in to one port of one session, as the
 * session's owner or as an instructor, until a time.
 *
 * @param value      the cookie's value (signed)
 * @param sessionId  the session
 * @param port       the port
 * @param expiresAt  when it lapses, in epoch seconds
 * @param instructor the instructor it was handed to, or empty for the session's owner
 */
public record PreviewGrant(String value, String sessionId, int port, long expiresAt, Optional<String> instructor) {
}
