package io.labdeck.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.preview.access.PreviewAccess;
import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.labdeck.session.OwnerToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/** Path mode against a stand-in app on 127.0.0.1: bodies, streams, websockets, redirects and who may see what. */
@QuarkusTest
@TestProfile(PreviewProfile.class)
@Tag("fast")
class PreviewProxyTest {

    @Inject
    Vertx vertx;
    @Inject
    FakeSandboxProvisioner sandboxes;
    @Inject
    PreviewAccess access;

    private FakeApp app;
    private PreviewClient client;
    private String id;
    private String cookie;

    @BeforeEach
    void start() throws Exception {
        app = new FakeApp(vertx);
        sandboxes.address("127.0.0.1");
        access.forget();
        client = new PreviewClient(vertx, RestAssured.port);
        String[] session = startSession("10.15.0.1", null);
        id = session[0];
        cookie = session[1];
    }

    @AfterEach
    void end() throws Exception {
        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
        client.close();
        app.close();
        sandboxes.address("192.0.2.1");
    }

    static String[] startSession(String address, String cookie) {
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
        if (cookie != null) {
            request = request.cookie(OwnerToken.COOKIE, cookie);
        }
        var response = request.body("{\"labId\":\"preview-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new String[] {response.jsonPath().getString("id"), response.getCookie(OwnerToken.COOKIE) == null
                ? cookie : response.getCookie(OwnerToken.COOKIE)};
    }

    private String url(String rest) {
        return "/sessions/" + id + "/ports/" + app.port() + rest;
    }

    @Test
    void aGetReturnsTheAppsBodyAndTheAppSeesNoneOfLabdecksCredentials() {
        given().cookie(OwnerToken.COOKIE, cookie).cookie("app_session", "42").cookie("q_session", "oidc")
                .get(url("/hello?x=1")).then().statusCode(200).body(equalTo("hello from the app"))
                .header("X-Seen-Path", "/hello?x=1").header("X-Seen-Cookie", "app_session=42")
                .header("X-Seen-Prefix", url("")).header("X-Seen-Authorization", "null");
        given().cookie(OwnerToken.COOKIE, cookie).header("Authorization", "Basic aW5zdHJ1Y3Rvcjp4").get(url("/hello"))
                .then().statusCode(200).header("X-Seen-Authorization", "null").header("X-Seen-Cookie", "null")
                // Requests carrying an instructor's credentials get a page that cannot script Labdeck's origin.
                .header("Content-Security-Policy", containsString("sandbox allow-scripts"));
        given().cookie(OwnerToken.COOKIE, cookie).get(url("/hello")).then().statusCode(200)
                .header("Content-Security-Policy", (String) null);
    }

    @Test
    void withoutTheFinalSlashItRedirectsToIt() {
        given().redirects().follow(false).cookie(OwnerToken.COOKIE, cookie).get(url("?a=b")).then().statusCode(302)
                .header("Location", url("/?a=b"));
        given().cookie(OwnerToken.COOKIE, cookie).get(url("/")).then().statusCode(200)
                .body(containsString("href=\"/static/app.css\""));
    }

    @Test
    void redirectsIntoTheAppStayUnderThePrefix() {
        var owner = given().redirects().follow(false).cookie(OwnerToken.COOKIE, cookie);
        owner.get(url("/redirect")).then().statusCode(302).header("Location", url("/target"));
        owner.get(url("/redirect-absolute")).then().statusCode(302).header("Location", url("/target?x=1"));
        owner.get(url("/redirect-away")).then().statusCode(302).header("Location", "https://example.org/x");
    }

    @Test
    void anEndedSessionsPreviewIsRefusedAtOnceNotFromTheKeptDecision() {
        given().cookie(OwnerToken.COOKIE, cookie).get(url("/hello")).then().statusCode(200);
        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id).then().statusCode(204);
        // The decision is kept 3 s; the session's end must undo it well before that.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(1500))
                .until(() -> given().cookie(OwnerToken.COOKIE, cookie).get(url("/hello")).statusCode() != 200);
    }

    @Test
    void theAppCannotSetLabdecksCookies() {
        var cookies = given().cookie(OwnerToken.COOKIE, cookie).get(url("/cookies")).then().statusCode(200)
                .extract().headers().getValues("Set-Cookie");
        // The app's own cookies stay under its prefix (it shares Labdeck's origin) and never widen to a domain.
        String prefix = url("");
        assertThat(cookies).containsExactly("app_session=1; Path=" + prefix, "wide=1; HttpOnly; Path=" + prefix
                + "/admin");
        given().cookie(OwnerToken.COOKIE, cookie).get(url("/cookies")).then().statusCode(200)
                .header("Service-Worker-Allowed", (String) null);
        given().cookie(OwnerToken.COOKIE, cookie).header("Service-Worker", "script").get(url("/sw.js")).then()
                .statusCode(403).body("error", org.hamcrest.Matchers.equalTo("service-worker-refused"));
    }

    @Test
    void aPostStreamsBothWays() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        StringBuilder all = new StringBuilder();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        var request = client.raw().request(new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost")
                .setPort(RestAssured.port).setURI(url("/echo")).putHeader("Cookie", OwnerToken.COOKIE + "=" + cookie))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        request.setChunked(true).response().onSuccess(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            r.handler(b -> {
                all.append(b.toString());
                first.complete(b.toString());
            }).endHandler(v -> ended.complete(null));
        });
        request.write("first part;");
        // The echo of the first part arrives while the request is still open: nothing waits for the whole body.
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first part;");
        request.end(Buffer.buffer("second part"));
        ended.get(10, TimeUnit.SECONDS);
        assertThat(all.toString()).isEqualTo("first part;second part");
    }

    @Test
    void aWebsocketEchoesThroughTheProxy() throws Exception {
        CompletableFuture<String> echo = new CompletableFuture<>();
        vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("localhost")
                .setPort(RestAssured.port).setURI(url("/ws")).addHeader("Cookie", OwnerToken.COOKIE + "=" + cookie))
                .onSuccess(ws -> {
                    ws.textMessageHandler(echo::complete);
                    ws.writeTextMessage("ping through the preview");
                }).onFailure(echo::completeExceptionally);
        assertThat(echo.get(10, TimeUnit.SECONDS)).isEqualTo("ping through the preview");
    }

    @Test
    void othersGet403AndUnknownSessions404() {
        given().get(url("/hello")).then().statusCode(403).body("error", equalTo("forbidden"))
                .body("message", containsString("only the browser that started the session"));
        given().header("Accept", "text/html").get(url("/hello")).then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("instructor of its class"));
        String other = startSession("10.15.0.2", null)[1];
        given().cookie(OwnerToken.COOKIE, other).get(url("/hello")).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, "made-up.value").get(url("/hello")).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/nosuchsession/ports/" + app.port() + "/").then()
                .statusCode(404).body("error", equalTo("session-not-found"));
    }

    @Test
    void portsTheLabRefusesAre403WithTheReason() {
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/" + id + "/ports/2375/").then().statusCode(403)
                .body("error", equalTo("port-refused")).body("message", containsString("Docker engine's API"));
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/" + id + "/ports/2000/").then().statusCode(403)
                .body("message", containsString("not among the lab's ports (30000-65535)"));
    }

    @Test
    void aPortWhereNothingListensIs502InWords() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        given().cookie(OwnerToken.COOKIE, cookie).get("/sessions/" + id + "/ports/" + closed + "/").then()
                .statusCode(502).body("error", equalTo("port-not-answering"))
                .body("message", containsString("Nothing answers on port " + closed + " in your sandbox yet"));
        // An address that never answers: the bounded connect timeout (1 s here), then the same words.
        sandboxes.address("192.0.2.1");
        access.forget();
        long started = System.nanoTime();
        given().cookie(OwnerToken.COOKIE, cookie).header("Accept", "text/html").get(url("/")).then().statusCode(502)
                .body(containsString("Nothing answers on port " + app.port()));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void subdomainLinksNeedTheHandOff() throws Exception {
        PreviewClient.Answer away = client.get("localhost", "/sessions/" + id + "/subdomain/" + app.port(),
                Map.of("Cookie", OwnerToken.COOKIE + "=" + cookie));
        assertThat(away.status()).isEqualTo(302);
        assertThat(away.header("Location")).startsWith("http://" + app.port() + "-" + id + ".preview.localtest:8081/"
                + "?labdeck_handoff=");
        assertThat(client.get("localhost", "/sessions/" + id + "/subdomain/" + app.port(), Map.of()).status())
                .isEqualTo(403);
    }
}
