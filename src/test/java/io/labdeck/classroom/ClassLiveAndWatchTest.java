package io.labdeck.classroom;

import static io.labdeck.classroom.ClassApi.admin;
import static io.labdeck.classroom.ClassApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An instructor's live views of a class, on in-memory sandboxes: the class's live socket (only for its instructor)
 * delivers joins and a passed step; the watch stream is read-only until the learner lets the instructor type, and
 * again once they take it back; the recording (asciicast v2) and broadcasts reach whom they should.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(ClassroomProfile.class)
class ClassLiveAndWatchTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theLiveSocketOpensOnlyForTheClassesInstructorAndDeliversJoinsAndAPassedStep() throws Exception {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        String bob = newInstructor("bob-live-" + System.nanoTime() % 100000);
        assertThat(refusal(live(c.id(), null))).as("no credentials").isEqualTo(401);
        assertThat(refusal(live(c.id(), basic(bob, bob + "-password")))).as("another instructor").isEqualTo(403);
        List<String> seen = new CopyOnWriteArrayList<>();
        WebSocket socket = live(c.id(), basic(ClassroomProfile.ADMIN, ClassroomProfile.ADMIN_PASSWORD))
                .apply(seen).get(10, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(m -> m.contains("\"hello\"")));
            ClassApi.Learner sato = ClassApi.join(c.joinCode(), "佐藤");
            ClassApi.Learner kim = ClassApi.join(c.joinCode(), "김민준");
            ClassApi.check(sato, "first").then().statusCode(200).body("passed", equalTo(true));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events(seen))
                    .anySatisfy(e -> assertThat(e.get("event").asText() + " " + e.get("session").asText() + " "
                            + e.get("step").asText()).isEqualTo("step.passed " + sato.sessionId() + " first")));
            assertThat(events(seen)).filteredOn(e -> e.get("event").asText().equals("class.joined"))
                    .extracting(e -> e.get("session").asText())
                    .containsExactlyInAnyOrder(sato.sessionId(), kim.sessionId());
            assertThat(events(seen)).allSatisfy(e -> assertThat(e.get("class").asText()).isEqualTo(c.id()));
            ClassApi.end(sato);
            ClassApi.end(kim);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aWatcherIsReadOnlyUntilTheLearnerLetsTheInstructorTypeAndAgainAfterTheyTakeItBack() throws Exception {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner sato = ClassApi.join(c.joinCode(), "佐藤");
        String bob = newInstructor("bob-watch-" + System.nanoTime() % 100000);
        assertThatThrownBy(() -> TerminalClient.connect(port, sato.sessionId(), null, true))
                .as("a stranger").hasStackTraceContaining("status code 403");
        assertThatThrownBy(() -> TerminalClient.watchAs(port, sato.sessionId(), bob, bob + "-password"))
                .as("another class's instructor").hasStackTraceContaining("status code 403");
        try (TerminalClient learner = TerminalClient.connect(port, sato.sessionId(), sato.cookie(), false);
                TerminalClient teacher = TerminalClient.watchAs(port, sato.sessionId(), ClassroomProfile.ADMIN,
                        ClassroomProfile.ADMIN_PASSWORD)) {
            teacher.awaitControl("\"state\":\"");
            teacher.type("typed-before-consent\r");
            learner.type("learner-mark-1\r");
            teacher.awaitText(s -> s.contains("learner-mark-1"), "the learner's echo");
            assertThat(learner.text() + teacher.text()).doesNotContain("typed-before-consent");

            learner.control("{\"type\":\"takeover\",\"allowed\":true}");
            teacher.awaitControl("{\"type\":\"takeover\",\"allowed\":true}");
            learner.awaitControl("{\"type\":\"takeover\",\"allowed\":true}");
            teacher.type("typed-with-consent\r");
            learner.awaitText(s -> s.contains("typed-with-consent"), "the instructor's input in the shell");

            learner.control("{\"type\":\"takeover\",\"allowed\":false}");
            teacher.awaitControl("{\"type\":\"takeover\",\"allowed\":false}");
            teacher.type("typed-after-revoke\r");
            learner.type("learner-mark-2\r");
            teacher.awaitText(s -> s.contains("learner-mark-2"), "the learner's echo");
            assertThat(learner.text()).doesNotContain("typed-after-revoke");

            teacher.control("{\"type\":\"takeover\",\"allowed\":true}");
            teacher.awaitControl("Only the learner whose terminal this is");
            teacher.type("typed-after-own-consent\r");
            learner.type("learner-mark-3\r");
            teacher.awaitText(s -> s.contains("learner-mark-3"), "the learner's echo");
            assertThat(learner.text()).as("a watcher cannot consent for the learner")
                    .doesNotContain("typed-after-own-consent");
        }
        // The recording, for the instructor of the class only: asciicast v2, a header then [time, "o", data].
        String cast = as(ClassroomProfile.ADMIN, ClassroomProfile.ADMIN_PASSWORD)
                .get("/api/sessions/" + sato.sessionId() + "/recording").then().statusCode(200).extract().asString();
        List<String> lines = cast.lines().toList();
        JsonNode header = json.readTree(lines.getFirst());
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.has("width") && header.has("height")).isTrue();
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> {
            JsonNode event = json.readTree(line);
            assertThat(event.isArray() && event.size() == 3 && event.get(0).isNumber()).as(line).isTrue();
            assertThat(event.get(1).asText()).isIn("o", "r");
        });
        assertThat(cast).contains("typed-with-consent");
        as(bob, bob + "-password").get("/api/sessions/" + sato.sessionId() + "/recording").then().statusCode(403);
        ClassApi.end(sato);
    }

    @Test
    void aBroadcastReachesEveryLearnersTerminalOfTheClassOnly() throws Exception {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Made other = ClassApi.create("gated-fixture");
        ClassApi.Learner sato = ClassApi.join(c.joinCode(), "佐藤");
        ClassApi.Learner lee = ClassApi.join(other.joinCode(), "이서연");
        try (TerminalClient inClass = TerminalClient.connect(port, sato.sessionId(), sato.cookie(), false);
                TerminalClient elsewhere = TerminalClient.connect(port, lee.sessionId(), lee.cookie(), false)) {
            inClass.awaitControl("\"state\":\"");
            elsewhere.awaitControl("\"state\":\"");
            admin().body("{\"text\":\"5分後に次へ進みます\"}").post("/api/classes/" + c.id() + "/broadcast")
                    .then().statusCode(200).body("terminals", equalTo(1));
            inClass.awaitControl("\"type\":\"broadcast\",\"text\":\"5分後に次へ進みます\"");
            admin().body("{\"text\":\"   \"}").post("/api/classes/" + c.id() + "/broadcast").then().statusCode(400);
            admin().body("{\"text\":\"mark\"}").post("/api/classes/" + other.id() + "/broadcast").then()
                    .statusCode(200);
            elsewhere.awaitControl("\"text\":\"mark\"");
            assertThat(elsewhere.controls()).noneMatch(m -> m.contains("5分後"));
        }
        ClassApi.end(sato);
        ClassApi.end(lee);
    }

    private String newInstructor(String name) {
        admin().body("{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\"}").post("/api/instructors")
                .then().statusCode(201);
        return name;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the class's live socket with these credentials, its text messages collected into the list. */
    private java.util.function.Function<List<String>, java.util.concurrent.CompletableFuture<WebSocket>> live(
            String classId, String authorization) {
        return seen -> {
            var builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.buildAsync(URI.create("ws://localhost:" + port + "/api/classes/" + classId + "/live"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            seen.add(data.toString());
                            ws.request(1);
                            return null;
                        }
                    });
        };
    }

    /** The HTTP status that refused the upgrade. */
    private static int refusal(java.util.function.Function<List<String>, java.util.concurrent.CompletableFuture<WebSocket>> open)
            throws Exception {
        try {
            open.apply(new CopyOnWriteArrayList<>()).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private List<JsonNode> events(List<String> seen) {
        return seen.stream().filter(m -> m.contains("\"type\":\"event\"")).map(m -> {
            try {
                return json.readTree(m);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
