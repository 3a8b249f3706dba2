package io.labdeck.preview.ports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

/** Where a port's preview is, for its link: the proxy's path mode, {@code /sessions/{id}/ports/{port}/}. */
@ApplicationScoped
public class PreviewLinks {

    public String url(String sessionId, int port) {
        return "/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "/ports/" + port + "/";
    }
}
