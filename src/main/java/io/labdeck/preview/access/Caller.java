package io.labdeck.preview.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who asks for a preview, as far as the request tells before anything is looked up.
 *
 * @param cacheKey     what the decision for this caller is kept under: their cookie, a digest of their credentials
 * @param ownerCookie  the owner cookie's value, or null
 * @param vouchedOwner whether a subdomain grant already proved the caller the owner
 * @param instructor   the signed-in instructor's name, resolved only when the owner rule did not let them in
 *                     (basic credentials cost a bcrypt check); called on a worker thread
 */
public record Caller(String cacheKey, String ownerCookie, boolean vouchedOwner,
        Supplier<Optional<String>> instructor) {

    /** A caller on the main host: the owner cookie and whatever instructor credentials the request carries. */
    public static Caller of(String ownerCookie, String credentials, Supplier<Optional<String>> instructor) {
        String key = "c:" + (ownerCookie == null ? "" : ownerCookie) + "|" + (credentials == null ? ""
                : digest(credentials));
        return new Caller(key, ownerCookie, false, credentials == null ? Optional::empty : instructor);
    }

    /** A caller on a preview host, let in earlier by a hand-off whose grant cookie they show. */
    public static Caller granted(PreviewGrant grant) {
        Optional<String> instructor = grant.instructor();
        return new Caller("g:" + grant.value(), null, instructor.isEmpty(), () -> instructor);
    }

    private static String digest(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
