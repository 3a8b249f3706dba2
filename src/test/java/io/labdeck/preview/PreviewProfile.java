package io.labdeck.preview;

import java.util.HashMap;
import java.util.Map;

import io.labdeck.session.FakeSandboxProfile;

/** In-memory sandboxes whose address is a test's own server, with subdomain previews under preview.localtest. */
public class PreviewProfile extends FakeSandboxProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("labdeck.preview.domain", "preview.localtest");
        config.put("labdeck.preview.scheme", "http");
        config.put("labdeck.preview.link-port", "8081");
        config.put("labdeck.preview.connect-timeout", "1s");
        return config;
    }
}
