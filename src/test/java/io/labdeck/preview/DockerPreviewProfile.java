package io.labdeck.preview;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The real engine, with subdomain previews under preview.localtest (reached with Host headers on localhost). */
public class DockerPreviewProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("labdeck.preview.domain", "preview.localtest", "labdeck.preview.scheme", "http",
                "labdeck.preview.link-port", "8081",
                "quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
