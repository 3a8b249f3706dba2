package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Fair shares in a classroom: one browser holds a bounded number of live sessions; one address may start many at
 * once (a class behind a school's NAT) but not without end; and the capacity check and the insert are one atomic
 * step, so concurrent starts never take more seats than there are. On in-memory sandboxes.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
class SessionQuotaTest {

    @Inject
    SessionStore store;
    @Inject
    SessionConfig config;
    @Inject
    FakeSandboxProvisioner sandboxes;

    private final List<String[]> started = new ArrayList<>();

    @AfterEach
    void endAll() {
        started.forEach(s -> given().cookie(OwnerToken.COOKIE, s[1]).delete("/api/sessions/" + s[0]));
        started.clear();
    }

    @Test
    void aBrowserHoldsOneLiveSessionOfALabAndThreeInAll() {
        Response first = start("check-fixture", null, "10.1.0.1");
        String cookie = first.getCookie(OwnerToken.COOKIE);
        String id = first.jsonPath().getString("id");
        start("check-fixture", cookie, "10.1.0.1").then().statusCode(409).body("error", equalTo("owner-quota"))
                .body("sessions", contains(id));
        assertThat(start("gated-fixture", cookie, "10.1.0.1").statusCode()).isEqualTo(201);
        assertThat(start("web-fixture", cookie, "10.1.0.1").statusCode()).isEqualTo(201);
        Response fourth = start("seed-placeholders", cookie, "10.1.0.1");
        assertThat(fourth.statusCode()).as(fourth.asString()).isEqualTo(409);
        assertThat(fourth.jsonPath().getString("message")).contains("3 live sessions");

        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id).then().statusCode(204);
        assertThat(start("check-fixture", cookie, "10.1.0.1").statusCode()).as("a freed seat can be taken again")
                .isEqualTo(201);
    }

    @Test
    void fortyLearnersBehindOneNatAllGetInButOneAddressCannotStartWithoutEnd() {
        String school = "10.2.0.1";
        for (int learner = 0; learner < 40; learner++) {
            Response r = start("check-fixture", null, school);
            assertThat(r.statusCode()).as("learner " + learner + ": " + r.asString()).isEqualTo(201);
        }
        Response oneMore = start("check-fixture", null, school);
        assertThat(oneMore.statusCode()).as("an address holds at most " + config.maxLivePerAddress() + " live sessions,"
                + " so one script cannot take every seat: " + oneMore.asString()).isEqualTo(503);
        assertThat(oneMore.jsonPath().getString("message")).contains("from this address (" + school + ")");
        assertThat(store.countLive()).isLessThan(config.maxLive());
        endAll();
        // The burst holds more than a class; the bucket refills slowly meanwhile, so count until it refuses.
        int accepted = 41;
        Response refused = null;
        while (refused == null && accepted < config.startBurst() + 20) {
            Response r = start("check-fixture", null, school);
            if (r.statusCode() == 201) {
                accepted++;
                endAll();
            } else {
                refused = r;
            }
        }
        assertThat(accepted).as("starts accepted from one address").isGreaterThanOrEqualTo(config.startBurst());
        assertThat(refused).as("an address that keeps starting is refused").isNotNull();
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1,
                (int) config.startRefill().toSeconds() + 1);
        assertThat(refused.jsonPath().getString("message")).contains(school);
        assertThat(start("check-fixture", null, "10.2.0.2").statusCode()).as("another address is not held back")
                .isEqualTo(201);
    }

    @Test
    void concurrentStartsNeverTakeMoreSeatsThanThereAre() throws Exception {
        int seats = config.maxLive() - (int) store.countLive();
        int callers = seats + 14;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String address = "10.3." + (i / 200) + "." + (i % 200 + 1);
                Callable<Response> call = () -> {
                    go.await();
                    return start("check-fixture", null, address);
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            int ok = 0;
            int full = 0;
            for (Future<Response> f : results) {
                int status = f.get().statusCode();
                ok += status == 201 ? 1 : 0;
                full += status == 503 ? 1 : 0;
            }
            assertThat(ok).as("started").isEqualTo(seats);
            assertThat(full).as("refused as full").isEqualTo(callers - seats);
            assertThat(store.countLive()).isEqualTo(config.maxLive());
            assertThat(sandboxes.live()).as("a refused start leaves no sandbox").isEqualTo(config.maxLive());
        } finally {
            pool.shutdownNow();
        }
    }

    private Response start(String lab, String cookie, String address) {
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}");
        if (cookie != null) {
            request.cookie(OwnerToken.COOKIE, cookie);
        }
        Response response = request.post("/api/sessions");
        if (response.statusCode() == 201) {
            synchronized (started) {
                started.add(new String[] {response.jsonPath().getString("id"),
                        response.getCookie(OwnerToken.COOKIE)});
            }
        }
        return response;
    }
}
