package io.labdeck.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.labdeck.registry.RegistryPolicy.Action;

/** Who may read and write what in the registry (the proxy's own path is tested in DockerLabSessionTest). */
class RegistryPolicyTest {

    private static final Optional<String> SESSION = Optional.of("abcd2345efgh");

    @Test
    void everyoneMayPullByName() {
        for (String uri : new String[] {"/v2/", "/v2/library/python/manifests/3.8-alpine",
                "/v2/otherses2345/app/blobs/sha256:0123", "/v2/otherses2345/app/tags/list"}) {
            assertThat(RegistryPolicy.decide("GET", uri, SESSION).action()).as(uri).isEqualTo(Action.FORWARD);
            assertThat(RegistryPolicy.decide("HEAD", uri, Optional.empty()).action()).as(uri)
                    .isEqualTo(Action.FORWARD);
        }
    }

    @Test
    void aSessionWritesOnlyUnderItsOwnNamespace() {
        assertThat(RegistryPolicy.decide("POST", "/v2/abcd2345efgh/app/blobs/uploads/", SESSION).action())
                .isEqualTo(Action.FORWARD);
        assertThat(RegistryPolicy.decide("PUT", "/v2/abcd2345efgh/team/app/manifests/1.0", SESSION).action())
                .isEqualTo(Action.FORWARD);
        assertThat(RegistryPolicy.decide("PATCH", "/v2/abcd2345efgh/app/blobs/uploads/u-1?_state=x", SESSION)
                .action()).isEqualTo(Action.FORWARD);

        var other = RegistryPolicy.decide("PUT", "/v2/otherses2345/app/manifests/1.0", SESSION);
        assertThat(other.action()).isEqualTo(Action.DENY);
        assertThat(other.reason()).contains("own namespace abcd2345efgh/").contains("'otherses2345/app'");
        assertThat(RegistryPolicy.decide("DELETE", "/v2/library/python/manifests/latest", SESSION).action())
                .isEqualTo(Action.DENY);
        assertThat(RegistryPolicy.decide("POST", "/v2/abcd2345efghX/app/blobs/uploads/", SESSION).action())
                .as("a longer name that merely starts with the session id").isEqualTo(Action.DENY);
    }

    @Test
    void anAddressThatIsNoSandboxMayOnlyRead() {
        var denied = RegistryPolicy.decide("POST", "/v2/abcd2345efgh/app/blobs/uploads/", Optional.empty());
        assertThat(denied.action()).isEqualTo(Action.DENY);
        assertThat(denied.reason()).contains("only Labdeck sandboxes may push");
    }

    @Test
    void theCatalogShowsTheStandInsAndTheCallersOwnRepositories() {
        assertThat(RegistryPolicy.decide("GET", "/v2/_catalog?n=100", SESSION).action()).isEqualTo(Action.CATALOG);
        assertThat(RegistryPolicy.visible("library/python", SESSION)).isTrue();
        assertThat(RegistryPolicy.visible("abcd2345efgh/app", SESSION)).isTrue();
        assertThat(RegistryPolicy.visible("otherses2345/app", SESSION)).isFalse();
        assertThat(RegistryPolicy.visible("abcd2345efgh/app", Optional.empty())).isFalse();
    }
}
