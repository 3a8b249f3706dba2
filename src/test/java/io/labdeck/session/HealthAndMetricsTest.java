package io.labdeck.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void readinessReportsTheDockerEngineAndTheRegistry() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("docker-engine"))
                .body("checks.find { it.name == 'docker-engine' }.data.version", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name == 'image-registry' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'image-registry' }.data.address", equalTo("registry.labdeck:5095"));
    }

    @Test
    void metricsCountStartsAndLiveSessionsAndTimeStarts() {
        SessionApi.Started s = SessionApi.start("container-basics", "ja");
        try {
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("labdeck_sessions_live"))
                    .body(containsString("labdeck_sessions_starts_total{outcome=\"ready\"}"))
                    .body(containsString("labdeck_sessions_start_latency_seconds_count"));
        } finally {
            SessionApi.end(s);
        }
    }
}
