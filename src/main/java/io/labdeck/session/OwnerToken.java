package io.labdeck.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random token in a browser's owner cookie. Only its SHA-256 is stored, so a database leak gives no access.
 *
 * @param value the cookie's value
 */
public record OwnerToken(String value) {

    public static final String COOKIE = "labdeck_owner";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static OwnerToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OwnerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in a cookie, or null when the browser sent none. */
    public static OwnerToken of(String cookie) {
        return cookie == null || cookie.isBlank() ? null : new OwnerToken(cookie);
    }

    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OwnerToken[hidden]";
    }
}
