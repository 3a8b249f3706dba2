package io.labdeck.preview.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.platform.PlatformSecret;
import io.labdeck.preview.PreviewConfig;
import io.labdeck.preview.PreviewHost;

/**
 * The subdomain hand-off. The owner cookie is host-only on the main host, so a preview host never sees it: the main
 * host, having checked the viewer, redirects to the preview host with a one-time token signed with Labdeck's secret
 * ({@link #issue}); the preview host trades it for a host-only cookie of its own ({@link #redeem}), which later
 * requests carry ({@link #grant}). Tokens are good for {@code labdeck.preview.handoff-lifetime} and once (used ones are
 * remembered in this server's memory until they lapse); grants for {@code grant-lifetime}.
 */
@ApplicationScoped
public class Handoffs {

    private static final String TOKEN = "preview-handoff";
    private static final String GRANT = "preview-grant";
    private static final int SIGNATURE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformSecret secret;
    private final PreviewConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> used = new ConcurrentHashMap<>();

    public Handoffs(PlatformSecret secret, PreviewConfig config, Clock clock) {
        this.secret = secret;
        this.config = config;
        this.clock = clock;
    }

    /** A one-time token handing this port of this session to the preview host. */
    public String issue(String sessionId, int port, Optional<String> instructor) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = sessionId + "." + port + "." + (now() + config.handoffLifetime().toSeconds()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + viewer(instructor);
        return payload + "." + secret.sign(TOKEN, payload, SIGNATURE_BYTES);
    }

    /** The grant a valid, unused, unexpired token for this host is worth; the token is then used up. */
    public Optional<PreviewGrant> redeem(String token, PreviewHost host) {
        Optional<String[]> parts = verified(token, TOKEN, 6, host);
        if (parts.isEmpty() || used.putIfAbsent(parts.get()[3], Long.parseLong(parts.get()[2])) != null) {
            return Optional.empty();
        }
        forgetLapsed();
        String payload = host.sessionId() + "." + host.port() + "." + (now() + config.grantLifetime().toSeconds())
                + "." + parts.get()[4];
        return grant(payload + "." + secret.sign(GRANT, payload, SIGNATURE_BYTES), host);
    }

    /** What a preview host's cookie proves, when it is Labdeck's, unexpired and for this host. */
    public Optional<PreviewGrant> grant(String cookie, PreviewHost host) {
        return verified(cookie, GRANT, 5, host).map(p -> new PreviewGrant(cookie, p[0], Integer.parseInt(p[1]),
                Long.parseLong(p[2]), instructor(p[3])));
    }

    private Optional<String[]> verified(String value, String purpose, int fields, PreviewHost host) {
        if (value == null || value.length() > 600) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != fields) {
            return Optional.empty();
        }
        String payload = value.substring(0, value.lastIndexOf('.'));
        if (!secret.verify(purpose, payload, parts[fields - 1], SIGNATURE_BYTES)
                || !parts[0].equals(host.sessionId()) || !parts[1].equals(String.valueOf(host.port()))) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(parts[2]) >= now() ? Optional.of(parts) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void forgetLapsed() {
        if (used.size() > 1000) {
            long now = now();
            used.values().removeIf(expiry -> expiry < now);
        }
    }

    private static String viewer(Optional<String> instructor) {
        return instructor.map(n -> "i" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(n.getBytes(StandardCharsets.UTF_8))).orElse("o");
    }

    private static Optional<String> instructor(String viewer) {
        return viewer.startsWith("i") ? Optional.of(new String(Base64.getUrlDecoder().decode(viewer.substring(1)),
                StandardCharsets.UTF_8)) : Optional.empty();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
