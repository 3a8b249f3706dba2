package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.platform.RegistryConfig;
import io.labdeck.registry.RegistryProxyConfig;
import io.labdeck.sandbox.Egress;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.testing.Http;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The closed network (contract, "What a sandbox can reach"), against the real engine and the firewall Labdeck set at
 * startup: from a rootless Docker sandbox's shell and from a container inside it, the registry door and mirror answer;
 * Labdeck's own HTTP port (the API, /q/metrics), the registry's backend, the engine's TCP ports and another session's
 * sandbox do not. The door answering is the control: a sandbox with no network at all would pass the rest.
 */
@QuarkusTest
class SandboxNetworkTest {

    /** {@code probe NAME URL...}: one line per URL, "NAME URL open CODE" or "NAME URL closed", all in parallel. */
    private static final String PROBE = """
            probe() { name=$1; shift; for u in "$@"; do
              ( c=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$u") && [ "$c" != 000 ] \
                && echo "$name $u open $c" || echo "$name $u closed" ) &
            done; wait; }
            """;

    @Inject
    TestSandboxes sandboxes;
    @Inject
    RegistryConfig registry;
    @Inject
    RegistryProxyConfig proxy;
    @TestHTTPResource("/")
    URL labdeck;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void onlyTheRegistryAnswersFromASandboxAndFromItsContainers() {
        Sandbox rootless = sandboxes.start("dind-fixture");
        Sandbox neighbour = sandboxes.start("check-fixture");
        String gateway = sandboxes.addresses(rootless).get("gateway");
        String other = sandboxes.addresses(neighbour).get("self");
        assertThat(sandboxes.asLearner(neighbour, "mkdir -p /tmp/www && echo neighbour > /tmp/www/index.html"
                + " && httpd -p 8000 -h /tmp/www && echo serving", 10).stdout()).contains("serving");
        assertThat(Http.get("http://" + other + ":8000/")).as("the host itself reaches a sandbox")
                .contains("neighbour");

        Map<String, String> closed = Map.of(
                "labdeck-api", "http://" + gateway + ":" + labdeck.getPort() + "/api/labs",
                "labdeck-metrics", "http://" + gateway + ":" + labdeck.getPort() + "/q/metrics",
                "registry-backend", "http://" + gateway + ":" + proxy.upstream().getPort() + "/v2/",
                "engine-2375", "http://" + gateway + ":2375/version",
                "engine-2376", "http://" + gateway + ":2376/version",
                "neighbour", "http://" + other + ":8000/");
        // By address: inner containers have no hosts entry for the registry's name (their engine resolves it).
        String door = "http://" + gateway + ":" + registry.port() + "/v2/";
        String mirror = "http://" + gateway + ":" + registry.mirrorPort() + "/v2/";
        String urls = door + " " + mirror + " " + String.join(" ", closed.values());

        ExecResult shell = sandboxes.asLearner(rootless, PROBE + "probe shell " + urls, 60);
        ExecResult inner = sandboxes.asLearner(rootless, PROBE + "docker run --rm python:3.8-alpine sh -c '"
                + PROBE.replace("'", "'\\''") + " probe inner " + urls + "'", 120);
        for (String place : new String[] {"shell", "inner"}) {
            String out = (place.equals("shell") ? shell : inner).stdout();
            assertThat(out).as(place + ": " + (place.equals("shell") ? shell : inner).stderr())
                    .contains(place + " " + door + " open 401")
                    .contains(place + " " + mirror + " open 200");
            closed.forEach((name, url) -> assertThat(out).as(place + " reaching " + name)
                    .contains(place + " " + url + " closed"));
        }
    }

    @Test
    void egressIsWhatTheSandboxAsksForAndNeverTheHostsLan() {
        Sandbox internet = sandboxes.start("dind-fixture", Egress.INTERNET);
        Sandbox none = sandboxes.start("dind-fixture", Egress.NONE);
        Sandbox registryOnly = sandboxes.start("dind-fixture");
        // Debian's mirror is on the internet and reachable from these machines; 169.254.169.254 is where clouds
        // keep their metadata, and the gateway's other ports are the host.
        String out = "http://deb.debian.org/debian/";
        String metadata = "http://169.254.169.254/latest/meta-data/";
        String gateway = sandboxes.addresses(internet).get("gateway");
        String host = "http://" + gateway + ":" + labdeck.getPort() + "/api/labs";
        String door = "http://" + gateway + ":" + registry.port() + "/v2/";

        String shell = sandboxes.asLearner(internet, PROBE + "probe shell " + out + " " + metadata + " " + host + " "
                + door, 60).stdout();
        assertThat(shell).contains("shell " + out + " open 200").contains("shell " + metadata + " closed")
                .contains("shell " + host + " closed").contains("shell " + door + " open 401");
        String inner = sandboxes.asLearner(internet, "docker run --rm python:3.8-alpine curl -s -o /dev/null -m 10"
                + " -w '%{http_code}' " + out, 120).stdout();
        assertThat(inner).as("a container inside resolves and reaches the internet too").isEqualTo("200");

        String cut = sandboxes.addresses(none).get("gateway");
        String noneOut = sandboxes.asLearner(none, PROBE + "probe none " + out + " http://" + cut + ":"
                + registry.port() + "/v2/", 30).stdout();
        assertThat(noneOut).contains("none " + out + " closed").contains("none http://" + cut + ":" + registry.port()
                + "/v2/ closed");
        String lookup = sandboxes.asLearner(registryOnly, "curl -s -m 20 -o /dev/null http://deb.debian.org/; echo $?",
                30).stdout().strip();
        assertThat(lookup).as("without internet, a name fails at once (curl: could not resolve, 6)").isEqualTo("6");
    }
}
