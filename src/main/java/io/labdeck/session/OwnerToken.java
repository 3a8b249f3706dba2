package io.labdeck.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The token in a browser's owner cookie ({@link OwnerTokens} issues and recognises them). Only its SHA-256 is
 * stored, so a database leak gives no access.
 *
 * @param value the cookie's value
 */
public record OwnerToken(String value) {

    public static final String COOKIE = "labdeck_owner";

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
