package io.labdeck.classroom;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Classes with OIDC turned on as an operator would (QUARKUS_OIDC_*), against Quarkus's WireMock OIDC server, and the
 * pages signing in through the code flow. Basic auth stays on beside it.
 */
public class OidcProfile extends ClassroomProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
        config.put("quarkus.oidc.client-id", "quarkus-web-app");
        config.put("quarkus.oidc.credentials.secret", "secret");
        config.put("labdeck.admin.page-sign-in", "code");
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:classroom-oidc;DB_CLOSE_DELAY=-1");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
}
