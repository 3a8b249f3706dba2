package io.labdeck.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each session's credentials for the registry door: the session id as user name, and a password derived from
 * Labdeck's secret, so nothing is stored and a restarted server still knows them. Labdeck writes them into the
 * sandbox's Docker client config; the door knows a caller by them, never by network address.
 */
@ApplicationScoped
public class RegistryCredentials {

    private static final String PURPOSE = "registry-password";
    private static final int BYTES = 24;

    private final PlatformSecret secret;

    public RegistryCredentials(PlatformSecret secret) {
        this.secret = secret;
    }

    public String password(String sessionId) {
        return secret.sign(PURPOSE, sessionId, BYTES);
    }

    /** The Docker client's config ({@code ~/.docker/config.json}) that logs the session in to the door. */
    public String dockerConfig(String registryAddress, String sessionId) {
        String auth = Base64.getEncoder().encodeToString((sessionId + ":" + password(sessionId))
                .getBytes(StandardCharsets.UTF_8));
        return "{\"auths\":{\"" + registryAddress + "\":{\"auth\":\"" + auth + "\"}}}\n";
    }

    /**
     * The session an {@code Authorization: Basic} header proves, empty when it proves none (absent, malformed or
     * wrong: the caller tells the last apart with {@link #presented}).
     */
    public Optional<String> session(String authorization) {
        Optional<String[]> pair = basic(authorization);
        return pair.filter(p -> secret.verify(PURPOSE, p[0], p[1], BYTES)).map(p -> p[0]);
    }

    /** Whether the request carries Basic credentials at all. */
    public static boolean presented(String authorization) {
        return basic(authorization).isPresent();
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {text.substring(0, colon), text.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
