package io.labdeck.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The port preview on the real engine: in a Docker lab's rootless engine, {@code docker run -p 5001:8000} of a small
 * Python app (pages with absolute paths and a websocket echo), then the proxy in path and subdomain mode, and who
 * is refused.
 */
@QuarkusTest
@TestProfile(DockerPreviewProfile.class)
class PortPreviewDockerTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;
    @Inject
    Vertx vertx;

    private String id;
    private String cookie;
    private String other;
    private String otherCookie;

    private String[] start(String lab, String address) {
        var response = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}").post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new String[] {response.jsonPath().getString("id"), response.getCookie(OwnerToken.COOKIE)};
    }

    @AfterEach
    void end() {
        if (id != null) {
            given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
        }
        if (other != null) {
            given().cookie(OwnerToken.COOKIE, otherCookie).delete("/api/sessions/" + other);
        }
    }

    private ExecResult shell(String script) {
        SandboxRef ref = new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow());
        return sandboxes.exec(ref, ExecRequest.shell(script, Duration.ofSeconds(120)));
    }

    private void upload(String path, byte[] bytes) {
        given().cookie(OwnerToken.COOKIE, cookie).queryParam("path", path).body(bytes)
                .put("/api/sessions/" + id + "/files").then().statusCode(204);
    }

    @Test
    void anAppPublishedInsideTheSandboxIsPreviewedToItsOwnerOnly() throws Exception {
        String[] session = start("dind-fixture", "10.17.0.1");
        id = session[0];
        cookie = session[1];
        try (InputStream app = getClass().getResourceAsStream("/preview/app.py")) {
            upload("app.py", app.readAllBytes());
        }
        upload("Dockerfile", "FROM python:3.8-alpine\nCOPY app.py /app.py\nCMD [\"python\", \"/app.py\"]\n"
                .getBytes());
        ExecResult ran = shell("docker build -q -t preview-app . && docker run -d -p 5001:8000 preview-app"
                + " && for i in $(seq 1 60); do curl -fsS localhost:5001/hello && exit 0; sleep 0.5; done; exit 1");
        assertThat(ran.exitCode()).as(ran.stdout() + ran.stderr()).isZero();
        String base = "/sessions/" + id + "/ports/5001";

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .cookie(OwnerToken.COOKIE, cookie).cookie("app_session", "9").get(base + "/hello").then()
                .statusCode(200).body(equalTo("hello from the sandbox, cookie=app_session=9")));
        assertThat(echo(base + "/ws", "through the preview")).isEqualTo("through the preview");

        // Subdomain mode: the app's absolute paths resolve on its own host.
        try (PreviewClient client = new PreviewClient(vertx, RestAssured.port)) {
            PreviewClient.Answer away = client.get("localhost", "/sessions/" + id + "/subdomain/5001",
                    Map.of("Cookie", OwnerToken.COOKIE + "=" + cookie));
            assertThat(away.status()).as(away.body()).isEqualTo(302);
            URI to = URI.create(away.header("Location"));
            String host = "5001-" + id + ".preview.localtest";
            PreviewClient.Answer redeemed = client.get(host, to.getRawPath() + "?" + to.getRawQuery(), Map.of());
            String grant = redeemed.header("Set-Cookie").split(";")[0];
            PreviewClient.Answer page = client.get(host, "/", Map.of("Cookie", grant));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("href=\"/static/app.css\"");
            PreviewClient.Answer css = client.get(host, "/static/app.css", Map.of("Cookie", grant));
            assertThat(css.body()).isEqualTo("body{color:teal}");
        }

        // Without the cookie, from another session's browser, and for the inner engine's API: 403.
        given().get(base + "/hello").then().statusCode(403).body("error", equalTo("forbidden"));
        String[] second = start("check-fixture", "10.17.0.2");
        other = second[0];
        otherCookie = second[1];
        given().cookie(OwnerToken.COOKIE, otherCookie).get(base + "/hello").then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/" + id + "/ports/2375/version").then()
                .statusCode(403).body("message", containsString("Docker engine's API"));
        // A port where nothing listens says so.
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/" + id + "/ports/5002/").then().statusCode(502)
                .body("message", containsString("Nothing answers on port 5002 in your sandbox yet"));
    }

    private String echo(String uri, String text) throws Exception {
        CompletableFuture<String> echo = new CompletableFuture<>();
        vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("localhost")
                .setPort(RestAssured.port).setURI(uri).addHeader("Cookie", OwnerToken.COOKIE + "=" + cookie))
                .onSuccess(ws -> {
                    ws.textMessageHandler(echo::complete);
                    ws.writeTextMessage(text);
                }).onFailure(echo::completeExceptionally);
        return echo.get(20, TimeUnit.SECONDS);
    }
}
