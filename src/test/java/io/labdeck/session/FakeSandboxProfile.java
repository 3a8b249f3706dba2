package io.labdeck.session;

import java.util.Map;
import java.util.Set;

import io.labdeck.sandbox.fake.FakeSandboxFiles;
import io.labdeck.sandbox.fake.FakeSandboxPorts;
import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Sessions on in-memory sandboxes, and client addresses taken from X-Forwarded-For (as behind a proxy), so tests can
 * be many clients: for quotas, rate limits, races and the origin rules, in milliseconds per session.
 */
public class FakeSandboxProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeSandboxProvisioner.class, FakeSandboxFiles.class, FakeSandboxPorts.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("labdeck.session.max-live", "50", "labdeck.session.max-starting", "64",
                "quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:fake-sandboxes;DB_CLOSE_DELAY=-1",
                "labdeck.files.max-upload", "64K", "labdeck.files.max-download", "128K");
    }
}
