package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.check.CheckResult;
import io.labdeck.check.CheckRunner;
import io.labdeck.lab.CheckSpec;
import io.labdeck.lab.Lab;
import io.labdeck.lab.LabService;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a learner can do to their own sandbox stays there: checks leave no process behind, and a disk fill, a
 * memory hog and a fork bomb each hit the sandbox's own limit while a neighbour and the host go on.
 * (check-fixture: busybox, 64 MiB, 64 pids.)
 */
@QuarkusTest
class HostileSandboxTest {

    @Inject
    TestSandboxes sandboxes;
    @Inject
    CheckRunner checks;
    @Inject
    LabService labs;
    @Inject
    DockerClient docker;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    /** The regression of busybox timeout's watchdogs, which outlived their checks until the pids limit was hit. */
    @Test
    void fiveHundredChecksLeaveThePidCountWhereItWas() {
        Sandbox sandbox = sandboxes.start("check-fixture");
        Lab lab = labs.lab("check-fixture");
        CheckSpec make = lab.checks().get("make-file");
        checks.check(sandbox.ref(), make, "ja"); // the first check starts the exec agent, which stays
        int before = processes(sandbox);
        for (int i = 0; i < 500; i++) {
            // every fiftieth: one that runs to its deadline, one that floods, one that kills its own shell
            String step = switch (i % 50) {
                case 0 -> "slow";
                case 1 -> "flood";
                case 2 -> "suicide";
                default -> "make-file";
            };
            CheckResult result = checks.check(sandbox.ref(), lab.checks().get(step), "ja");
            assertThat(result.message()).as("check %d (%s)", i, step).doesNotContainIgnoringCase("fork")
                    .doesNotContainIgnoringCase("resource temporarily unavailable");
        }
        await().atMost(Duration.ofSeconds(15)).alias("the processes the checks started are gone")
                .until(() -> processes(sandbox) == before);
        assertThat(checks.check(sandbox.ref(), make, "ja").message()).contains("made.txt is missing");
    }

    @Test
    void aDiskFillAMemoryHogAndAForkBombStayInsideTheirSandbox() throws Exception {
        Sandbox hostile = sandboxes.start("check-fixture");
        Sandbox neighbour = sandboxes.start("check-fixture");
        long hostFree = Files.getFileStore(Path.of("/var/lib/docker")).getUsableSpace();

        String fill = sandboxes.asLearner(hostile, "for d in /root /tmp /var/tmp /; do"
                + " dd if=/dev/zero of=$d/fill bs=1M count=2000 2>&1 | grep -o 'No space left on device\\|Read-only file system'"
                + " | head -n 1; done; rm -f /root/fill /tmp/fill /var/tmp/fill", 60).stdout();
        assertThat(fill.lines()).as("home, /tmp and /var/tmp are full at their size, and / is read-only")
                .containsExactly("No space left on device", "No space left on device", "No space left on device",
                        "Read-only file system");
        assertThat(hostFree - Files.getFileStore(Path.of("/var/lib/docker")).getUsableSpace())
                .as("the host's disk did not take the fill").isLessThan(64L << 20);

        ExecResult hog = sandboxes.asLearner(hostile, "head -c 400m /dev/zero | tail > /dev/null; echo rc=$?", 60);
        assertThat(hog.stdout()).as("the hog is killed at the sandbox's memory limit").contains("rc=137");
        assertThat(sandboxes.asLearner(hostile, "echo alive", 10).stdout()).isEqualTo("alive\n");

        // The bomb takes every pid the sandbox has, for the exec's minute (its watchdog then kills the group).
        sandboxes.asLearner(hostile, "(b() { b | b & }; b) >/dev/null 2>&1 &", 60);
        await().atMost(Duration.ofSeconds(20)).alias("the bomb runs into the pids limit")
                .until(() -> pidsCgroup(hostile, "pids.events").contains("max ") && !pidsCgroup(hostile,
                        "pids.events").contains("max 0"));
        assertThat(Integer.parseInt(pidsCgroup(hostile, "pids.current").strip())).as("and goes no further")
                .isLessThanOrEqualTo(64);
        for (int i = 0; i < 5; i++) {
            assertThat(sandboxes.asLearner(neighbour, "echo neighbour-" + i, 10).stdout())
                    .isEqualTo("neighbour-" + i + "\n");
        }
        Process host = new ProcessBuilder("true").start();
        assertThat(host.waitFor()).as("the host still forks").isZero();
    }

    /** A file of the sandbox's pids cgroup on the host (cgroup v1, or v2 with the cgroupfs driver). */
    private String pidsCgroup(Sandbox sandbox, String file) throws java.io.IOException {
        String id = docker.inspectContainerCmd(sandbox.ref().id()).exec().getId();
        for (String dir : new String[] {"/sys/fs/cgroup/pids/docker/", "/sys/fs/cgroup/docker/",
                "/sys/fs/cgroup/system.slice/docker-"}) {
            Path path = Path.of(dir + id + (dir.endsWith("-") ? ".scope" : ""), file);
            if (Files.exists(path)) {
                return Files.readString(path);
            }
        }
        throw new AssertionError("no pids cgroup of " + id + " on this host");
    }

    private int processes(Sandbox sandbox) {
        var top = docker.topContainerCmd(sandbox.ref().id()).exec();
        return top.getProcesses() == null ? 0 : top.getProcesses().length;
    }
}
