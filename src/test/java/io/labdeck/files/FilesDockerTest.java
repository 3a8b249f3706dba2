package io.labdeck.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The files API on the real engine: in a Docker lab (a rootless engine, whose shell lives in the engine's
 * namespaces) and in a plain sandbox. Files land where the shell sees them, owned as the shell's own files, and
 * {@code docker build} uses them; symlinks made in the sandbox cannot lead out.
 */
@QuarkusTest
class FilesDockerTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    private String id;
    private String cookie;

    private void start(String lab) {
        var response = given().contentType(ContentType.JSON).body("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}")
                .post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        id = response.jsonPath().getString("id");
        cookie = response.getCookie(OwnerToken.COOKIE);
    }

    @AfterEach
    void end() {
        if (id != null) {
            given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
        }
    }

    private RequestSpecification owner() {
        return given().cookie(OwnerToken.COOKIE, cookie);
    }

    private ExecResult shell(String script) {
        SandboxRef ref = new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow());
        return sandboxes.exec(ref, ExecRequest.shell(script, Duration.ofSeconds(90)));
    }

    @Test
    void inADockerLabFilesRoundTripLandWhereTheShellIsAndDockerBuildUsesThem() throws Exception {
        start("dind-fixture");
        byte[] bytes = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(bytes);
        owner().queryParam("path", "data/random.bin").body(bytes).put("/api/sessions/" + id + "/files").then()
                .statusCode(204);
        byte[] back = owner().queryParam("path", "data/random.bin").get("/api/sessions/" + id + "/files").then()
                .statusCode(200).header("Content-Length", "" + bytes.length).extract().asByteArray();
        assertThat(back).as("5 MB round trip").isEqualTo(bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ExecResult seen = shell("sha256sum data/random.bin; touch mine; stat -c %u:%g data/random.bin mine");
        assertThat(seen.stdout()).as(seen.stderr()).startsWith(sha + "  data/random.bin\n");
        String[] owners = seen.stdout().lines().skip(1).toArray(String[]::new);
        assertThat(owners[0]).as("the upload is owned as the shell's own files").isEqualTo(owners[1]);

        owner().queryParam("path", "hello.txt").body("hello from an upload\n").put("/api/sessions/" + id + "/files")
                .then().statusCode(204);
        owner().queryParam("path", "Dockerfile").body("FROM scratch\nCOPY hello.txt /hello.txt\n")
                .put("/api/sessions/" + id + "/files").then().statusCode(204);
        ExecResult built = shell("docker build -q -t uploaded . >/dev/null && docker create --name made uploaded /x"
                + " >/dev/null && docker cp made:/hello.txt - | tar -xO");
        assertThat(built.stdout()).as(built.stderr()).isEqualTo("hello from an upload\n");

        byte[] tar = owner().queryParam("path", "data").get("/api/sessions/" + id + "/files").then().statusCode(200)
                .contentType("application/x-tar").header("Content-Disposition", containsString("data.tar"))
                .extract().asByteArray();
        Path file = Files.createTempFile("labdeck-files", ".tar");
        Files.write(file, tar);
        Process listed = new ProcessBuilder("tar", "-tvf", file.toString()).redirectErrorStream(true).start();
        String listing = new String(listed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(listed.waitFor()).as(listing).isZero();
        assertThat(listing).contains("data/random.bin").contains(" " + bytes.length + " ");
        Files.delete(file);

        owner().get("/api/sessions/" + id + "/tree").then().statusCode(200)
                .body("entries.find { it.path == 'data/random.bin' }.size", equalTo(bytes.length))
                .body("entries.find { it.path == 'data' }.type", equalTo("dir"))
                .body("entries.find { it.path == 'Dockerfile' }.type", equalTo("file"));
    }

    @Test
    void symlinksOutDotDotAbsolutePathsOversizeAndStrangersAreRefused() {
        start("dind-fixture");
        ExecResult linked = shell("ln -s /etc out && ln -s /etc/passwd pw && mkdir -p in && ln -s in inner");
        assertThat(linked.exitCode()).as(linked.stderr()).isZero();
        owner().queryParam("path", "out/passwd").get("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("error", equalTo("invalid-path")).body("message", org.hamcrest.Matchers.startsWith("The path 'out/passwd' is refused:"
                        + " it leads out of the working directory (to /etc/"));
        owner().queryParam("path", "pw").get("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("message", containsString("leads out of the working directory"));
        owner().queryParam("path", "out/new/x").body("x").put("/api/sessions/" + id + "/files").then()
                .statusCode(400).body("message", containsString("leads out of the working directory (to /etc)"));
        owner().queryParam("path", "inner/ok.txt").body("inside").put("/api/sessions/" + id + "/files").then()
                .statusCode(204);
        assertThat(shell("cat in/ok.txt").stdout()).as("a link that stays inside is followed").isEqualTo("inside");
        owner().queryParam("path", "../x").body("x").put("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("message", containsString("'..' would leave the working directory"));
        owner().queryParam("path", "/etc/passwd").get("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("message", containsString("it is absolute"));
        owner().queryParam("path", "big.bin").body(new byte[20 * 1024 * 1024 + 1])
                .put("/api/sessions/" + id + "/files").then().statusCode(413).body("error", equalTo("too-large"));
        given().cookie(OwnerToken.COOKIE, "not-the-owner").queryParam("path", "pw")
                .get("/api/sessions/" + id + "/files").then().statusCode(403);
        assertThat(shell("ls -a").stdout()).as("no upload left a temporary file").doesNotContain(".labdeck-upload");
    }

    @Test
    void inAPlainSandboxASaveIsSeenAtOnceAndKeepsTheFilesMode() {
        start("check-fixture");
        owner().queryParam("path", "run.sh").body("echo one\n").put("/api/sessions/" + id + "/files").then()
                .statusCode(204);
        assertThat(shell("chmod +x run.sh && ./run.sh").stdout()).isEqualTo("one\n");
        owner().queryParam("path", "run.sh").body("echo two\n").put("/api/sessions/" + id + "/files").then()
                .statusCode(204);
        assertThat(shell("./run.sh").stdout()).as("saved over, still executable").isEqualTo("two\n");
        owner().queryParam("path", "run.sh").get("/api/sessions/" + id + "/files").then().statusCode(200)
                .body(equalTo("echo two\n"));
        owner().queryParam("path", "nothing/here").get("/api/sessions/" + id + "/files").then().statusCode(404);

        String odd = "メモ/a b'c\"$(touch pwned).txt";
        owner().queryParam("path", odd).body("quoted").put("/api/sessions/" + id + "/files").then().statusCode(204);
        assertThat(shell("cat メモ/*.txt; ls pwned 2>&1").stdout()).as("names reach the shell as data")
                .startsWith("quoted").contains("No such file");
        owner().queryParam("path", odd).get("/api/sessions/" + id + "/files").then().statusCode(200)
                .body(equalTo("quoted"));
        owner().get("/api/sessions/" + id + "/tree").then().statusCode(200)
                .body("entries.find { it.name == 'a b\\'c\"$(touch pwned).txt' }.size", equalTo(6));
    }
}
