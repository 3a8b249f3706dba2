package io.labdeck.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Labdeck's secret key and what is derived from it: signatures that prove Labdeck issued a value (an owner cookie),
 * and per-session credentials that need no storage (a session's registry password). The key comes from
 * {@code labdeck.secret}, else from the database, where the first start writes a random one.
 */
@ApplicationScoped
public class PlatformSecret {

    private static final String NAME = "hmac";

    private final PlatformConfig config;
    private final EntityManager db;
    private volatile SecretKeySpec key;

    public PlatformSecret(PlatformConfig config, EntityManager db) {
        this.config = config;
        this.db = db;
    }

    /** A MAC of {@code value} for one purpose, URL-safe base64 of {@code bytes} bytes (at most 32). */
    public String sign(String purpose, String value, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Whether {@code signature} is {@link #sign}'s for the value, compared in constant time. */
    public boolean verify(String purpose, String value, String signature, int bytes) {
        return signature != null && MessageDigest.isEqual(sign(purpose, value, bytes).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(config.secret().filter(s -> !s.isBlank()).map(PlatformSecret::checked)
                            .orElseGet(this::stored).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }

    private static String checked(String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("labdeck.secret must have at least 32 characters (it has "
                    + secret.length() + ")");
        }
        return secret;
    }

    /**
     * The stored key. The first start on an empty database writes one; when two servers start at once, the second
     * insert fails on the primary key and that server reads the first one's key.
     */
    private String stored() {
        try {
            return QuarkusTransaction.requiringNew().call(this::findOrInsert);
        } catch (RuntimeException raced) {
            return QuarkusTransaction.requiringNew().call(() -> db.find(SecretEntity.class, NAME).secret);
        }
    }

    private String findOrInsert() {
        SecretEntity found = db.find(SecretEntity.class, NAME);
        if (found != null) {
            return found.secret;
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        SecretEntity made = new SecretEntity();
        made.name = NAME;
        made.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        db.persist(made);
        return made.secret;
    }
}
