package io.labdeck.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

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
import io.vertx.core.Vertx;

/** The subdomain mode: the hand-off, the preview host's own cookie, an app with absolute paths at the root. */
@QuarkusTest
@TestProfile(PreviewProfile.class)
@Tag("fast")
class SubdomainPreviewTest {

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
        String[] session = PreviewProxyTest.startSession("10.16.0.1", null);
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

    /** The preview host's name (the client adds the port). */
    private String host() {
        return app.port() + "-" + id + ".preview.localtest";
    }

    /** The hand-off's redirect target on the preview host, as path and query. */
    private String handOff(String path) throws Exception {
        PreviewClient.Answer away = client.get("localhost", "/sessions/" + id + "/subdomain/" + app.port()
                + "?path=" + path, Map.of("Cookie", OwnerToken.COOKIE + "=" + cookie));
        assertThat(away.status()).as(away.body()).isEqualTo(302);
        URI to = URI.create(away.header("Location"));
        assertThat(to.getAuthority()).isEqualTo(host() + ":8081");
        return to.getRawPath() + "?" + to.getRawQuery();
    }

    @Test
    void anAppWithAbsolutePathsWorksOnItsOwnHost() throws Exception {
        String landing = handOff("/");
        PreviewClient.Answer redeemed = client.get(host(), landing, Map.of());
        assertThat(redeemed.status()).isEqualTo(302);
        assertThat(redeemed.header("Location")).isEqualTo("/");
        String setCookie = redeemed.header("Set-Cookie");
        assertThat(setCookie).startsWith("labdeck_preview=").contains("HttpOnly").doesNotContain("Domain");
        String grant = setCookie.substring(0, setCookie.indexOf(';'));

        PreviewClient.Answer page = client.get(host(), "/", Map.of("Cookie", grant + "; app_session=7"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/static/app.css\"");
        assertThat(page.header("X-Seen-Cookie")).isEqualTo("app_session=7");
        assertThat(page.header("Content-Security-Policy")).isNull();
        PreviewClient.Answer css = client.get(host(), "/static/app.css", Map.of("Cookie", grant));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body{color:teal}");
        // Labdeck's own routes are not served on a preview host: this is the app's 404.
        PreviewClient.Answer api = client.get(host(), "/api/labs", Map.of("Cookie", grant));
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).isEqualTo("no such page in the app");
    }

    @Test
    void aHandOffIsGoodOnceAndForItsOwnHostOnly() throws Exception {
        String landing = handOff("/hello?x=1");
        assertThat(landing).startsWith("/hello?x=1&labdeck_handoff=");
        String otherHost = (app.port() + 1) + "-" + id + ".preview.localtest";
        assertThat(client.get(otherHost, landing, Map.of()).status()).isEqualTo(403);
        PreviewClient.Answer redeemed = client.get(host(), landing, Map.of());
        assertThat(redeemed.header("Location")).isEqualTo("/hello?x=1");
        assertThat(client.get(host(), landing, Map.of()).status()).isEqualTo(403);
        String grant = redeemed.header("Set-Cookie").split(";")[0];
        assertThat(client.get(otherHost, "/hello", Map.of("Cookie", grant)).status()).isEqualTo(403);
    }

    @Test
    void aPreviewHostWithoutItsCookieIs403() throws Exception {
        PreviewClient.Answer answer = client.get(host(), "/", Map.of("Accept", "text/html",
                "Cookie", OwnerToken.COOKIE + "=" + cookie));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("open port " + app.port() + " from the session's lab page");
        assertThat(client.get("nonsense.preview.localtest", "/", Map.of()).status()).isEqualTo(404);
    }
}
