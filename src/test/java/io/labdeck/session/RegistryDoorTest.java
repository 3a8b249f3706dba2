package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.registry.RegistryProxyConfig;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The registry door on the real engine, from inside Docker sessions: a session is known by the credentials Labdeck
 * wrote into its Docker config, never by its address; it writes only under its own namespace, whatever the path's
 * spelling; callers without credentials are challenged at the ping and may not write.
 */
@QuarkusTest
class RegistryDoorTest {

    /** {@code try METHOD PATH [AUTH]}: prints "METHOD PATH CODE", the path sent exactly as written. */
    private static final String TRY = """
            door=http://$LABDECK_REGISTRY
            mine=$(sed -n 's/.*"auth":"\\([^"]*\\)".*/\\1/p' ~/.docker/config.json)
            try() { a=${3-$mine}; code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is -X "$1" \\
              ${a:+-H "Authorization: Basic $a"} "$door$2"); echo "$1 $2 $code"; }
            """;

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;
    @Inject
    RegistryProxyConfig proxy;

    private SessionApi.Started first;
    private SessionApi.Started second;

    @AfterEach
    void end() {
        for (SessionApi.Started s : new SessionApi.Started[] {first, second}) {
            if (s != null) {
                SessionApi.end(s);
            }
        }
    }

    @Test
    void aSessionWritesOnlyUnderItsOwnNamespaceHoweverThePathIsSpelled() throws Exception {
        first = SessionApi.start("dind-fixture", "ja");
        second = SessionApi.start("dind-fixture", "ko");
        String a = first.id();
        String b = second.id();
        String victim = b + "/stolen";
        String[] crossings = {
            "/v2/" + a + "/../" + victim + "/blobs/uploads/",
            "/v2/" + a + "/%2e%2e/" + victim + "/blobs/uploads/",
            "/v2/" + a + "/%2E%2E/" + victim + "/blobs/uploads/",
            "/v2/" + a + "%2f..%2f" + victim + "/blobs/uploads/",
            "/v2/" + a + "%2Fx/blobs/uploads/",
            "/v2/" + a + "//../" + victim + "/blobs/uploads/",
            "/v2/" + a.toUpperCase() + "/x/blobs/uploads/",
            "/v2/" + a + "/../" + victim.toUpperCase() + "/blobs/uploads/",
            "/v2/" + victim + "/blobs/uploads/",
        };
        StringBuilder script = new StringBuilder(TRY);
        for (String path : crossings) {
            script.append("try POST '").append(path).append("'\n");
        }
        script.append("try POST '/v2/").append(a).append("/mine/blobs/uploads/'\n");
        script.append("try POST '/v2/").append(a).append("/mine/blobs/uploads/' ''\n");
        script.append("try GET /v2/ ''\n");
        script.append("try GET /v2/ ").append(basic(a, "wrong")).append("\n");
        script.append("try GET /v2/\n");
        ExecResult tried = run(first, script.toString());
        String out = tried.stdout();
        for (String path : crossings) {
            assertThat(out).as(tried.stderr()).contains("POST " + path + " 403");
        }
        assertThat(out).as("its own namespace").contains("POST /v2/" + a + "/mine/blobs/uploads/ 202")
                .as("no credentials, no write").contains("POST /v2/" + a + "/mine/blobs/uploads/ 403")
                .as("the ping challenges a caller without credentials").contains("GET /v2/ 401")
                .as("and with its own").contains("GET /v2/ 200");
        assertThat(out.lines().filter(l -> l.startsWith("GET /v2/ 401"))).as("wrong password too").hasSize(2);

        ExecResult stolen = run(second, TRY + "try POST '/v2/" + a + "/x/blobs/uploads/'\n");
        assertThat(stolen.stdout()).as("another session's credentials name another namespace")
                .contains("POST /v2/" + a + "/x/blobs/uploads/ 403");
        String catalog = HttpClient.newHttpClient().send(HttpRequest.newBuilder(proxy.upstream().resolve(
                "/v2/_catalog?n=1000")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(catalog).as("the registry itself has nothing under the victim's namespace").doesNotContain(b + "/");
    }

    private static String basic(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private ExecResult run(SessionApi.Started s, String script) {
        return sandboxes.exec(SessionApi.sandbox(store, s), ExecRequest.shell(script, Duration.ofSeconds(60)));
    }
}
