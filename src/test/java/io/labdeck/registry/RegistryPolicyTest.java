package io.labdeck.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import io.labdeck.registry.RegistryPolicy.Action;

/** Who may read and write what in the registry (the proxy's own path is tested in DockerLabSessionTest). */
@Tag("fast")
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
    void aCallerWithoutASessionsCredentialsMayOnlyRead() {
        var denied = RegistryPolicy.decide("POST", "/v2/abcd2345efgh/app/blobs/uploads/", Optional.empty());
        assertThat(denied.action()).isEqualTo(Action.DENY);
        assertThat(denied.reason()).contains("needs the session's credentials");
    }

    @Test
    void decisionsAreMadeOnCanonicalPathsOnly() {
        String[] crossings = {
            "/v2/abcd2345efgh/../otherses2345/app/blobs/uploads/",
            "/v2/abcd2345efgh/%2e%2e/otherses2345/app/blobs/uploads/",
            "/v2/abcd2345efgh/%2E%2E/otherses2345/app/manifests/1",
            "/v2/abcd2345efgh%2f..%2fotherses2345/app/blobs/uploads/",
            "/v2/abcd2345efgh%2Fapp/blobs/uploads/",
            "/v2/abcd2345efgh//../otherses2345/app/blobs/uploads/",
            "/v2/abcd2345efgh/./app/blobs/uploads/",
            "/v2//abcd2345efgh/app/blobs/uploads/",
            "/v2/abcd2345efgh/app/blobs/uploads/..",
            "/v2/ABCD2345EFGH/app/blobs/uploads/",
            "/v2/abcd2345efgh/App/manifests/1.0",
            "/v2/abcd2345efgh/app\\..\\x/blobs/uploads/",
        };
        for (String uri : crossings) {
            for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
                assertThat(RegistryPolicy.decide(method, uri, SESSION).action()).as(method + " " + uri)
                        .isEqualTo(Action.DENY);
            }
        }
        assertThat(RegistryPolicy.decide("GET", "/v2/library/%70ython/manifests/latest", SESSION).reason())
                .contains("percent-encoded");
        assertThat(RegistryPolicy.decide("post", "/v2/abcd2345efgh/app/blobs/uploads/", SESSION).action())
                .as("a method in lower case is no registry method").isEqualTo(Action.DENY);
        assertThat(RegistryPolicy.decide("PUT", "/v2/abcd2345efgh/app/manifests/V1.0", SESSION).action())
                .as("tags may have capitals").isEqualTo(Action.FORWARD);
        assertThat(RegistryPolicy.decide("PUT", "/v2/abcd2345efgh/app/blobs/uploads/4f1e-a?digest=sha256%3A01",
                SESSION).action()).as("the query may be encoded").isEqualTo(Action.FORWARD);
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
