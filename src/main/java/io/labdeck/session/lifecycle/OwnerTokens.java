package io.labdeck.session.lifecycle;

import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.platform.PlatformSecret;

/**
 * Issues owner tokens and recognises them. A token is 24 random bytes and Labdeck's signature of them, so a cookie
 * value Labdeck never issued is never taken for an owner: a page that plants a made-up cookie in a learner's browser
 * cannot own, and so watch, the sessions that browser starts. Tokens issued before signing (a bare random value) are
 * still recognised while a stored session has their hash.
 */
@ApplicationScoped
public class OwnerTokens {

    private static final String PURPOSE = "owner-cookie";
    private static final int SIGNATURE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformSecret secret;
    private final SessionStore store;

    public OwnerTokens(PlatformSecret secret, SessionStore store) {
        this.secret = secret;
        this.store = store;
    }

    /** A new token for a browser that has none (or one Labdeck did not issue). */
    public OwnerToken issue() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OwnerToken(random + "." + secret.sign(PURPOSE, random, SIGNATURE_BYTES));
    }

    /** The owner a cookie names, or empty when there is no cookie or Labdeck did not issue it. */
    public Optional<OwnerToken> recognise(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 200) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot > 0) {
            return secret.verify(PURPOSE, cookie.substring(0, dot), cookie.substring(dot + 1), SIGNATURE_BYTES)
                    ? Optional.of(new OwnerToken(cookie)) : Optional.empty();
        }
        OwnerToken legacy = new OwnerToken(cookie);
        return store.ownerKnown(legacy.hash()) ? Optional.of(legacy) : Optional.empty();
    }

    /** {@link #recognise}, or null: what the services take for "no owner". */
    public OwnerToken orNull(String cookie) {
        return recognise(cookie).orElse(null);
    }
}
