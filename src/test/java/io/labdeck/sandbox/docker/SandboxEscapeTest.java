package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The escapes that gave a learner the host in the old {@code caps} mode (../shared/notes/sandbox-isolation.md), tried
 * against the real engine from every place a learner's code runs: root in a rootless Docker sandbox's user namespace
 * (the learner's shell, checks, setups), that sandbox's real user outside it, and root in a plain sandbox. Each test
 * fails when its guarantee breaks; the host's own state is read directly (the tests run on the engine's host).
 */
@QuarkusTest
class SandboxEscapeTest {

    private static final Path RELEASE_AGENT = Path.of("/sys/fs/cgroup/memory/release_agent");
    private static final Path CORE_PATTERN = Path.of("/proc/sys/kernel/core_pattern");

    /**
     * The classic cgroup v1 escape and its relatives: point release_agent (of a cgroup mount the learner makes, or of
     * the sandbox's own view) at a script in the container's overlay upperdir, then empty a cgroup; core_pattern;
     * remounting the cgroup filesystem; mounting the host's disk. It prints what succeeded, or "none".
     */
    private static final String ESCAPES = """
            marker=$1; major=$2; minor=$3; done=""
            up=$(sed -n 's/.*upperdir=\\([^,]*\\).*/\\1/p' /proc/self/mountinfo | head -n 1)
            printf '#!/bin/sh\\ntouch %s\\n' "$marker" > /tmp/escape.sh 2>/dev/null; chmod +x /tmp/escape.sh 2>/dev/null
            rm -rf /tmp/cg; mkdir -p /tmp/cg /tmp/disk-mnt
            for t in memory rdma pids; do
              mount -t cgroup -o "$t" cgroup /tmp/cg 2>/dev/null && { done="$done mount-cgroup-$t"; break; }
            done
            for cg in /tmp/cg /sys/fs/cgroup/memory /sys/fs/cgroup/rdma /sys/fs/cgroup/pids; do
              [ -d "$cg" ] || continue
              [ -f "$cg/release_agent" ] && echo "$up/tmp/escape.sh" > "$cg/release_agent" 2>/dev/null \\
                && done="$done release-agent:$cg"
              if mkdir "$cg/labdeck-x" 2>/dev/null; then
                echo 1 > "$cg/labdeck-x/notify_on_release" 2>/dev/null
                sh -c "echo \\$\\$ > $cg/labdeck-x/cgroup.procs" 2>/dev/null
                rmdir "$cg/labdeck-x" 2>/dev/null
              fi
            done
            mount -o remount,rw /sys/fs/cgroup 2>/dev/null && done="$done remount-cgroupfs"
            mount -o remount,rw /sys 2>/dev/null && done="$done remount-sys"
            echo "|$up/tmp/escape.sh" > /proc/sys/kernel/core_pattern 2>/dev/null && done="$done core-pattern"
            mknod /tmp/disk b "$major" "$minor" 2>/dev/null && mount /tmp/disk /tmp/disk-mnt 2>/dev/null \\
              && done="$done mount-host-disk"
            for d in /dev/vda /dev/sda /dev/nvme0n1 /dev/xvda /dev/mapper/root; do
              [ -b "$d" ] && mount "$d" /tmp/disk-mnt 2>/dev/null && done="$done mount-$d"
            done
            echo "escapes:${done:- none}"
            """;

    @Inject
    TestSandboxes sandboxes;
    @Inject
    DockerClient docker;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void noEscapeWorksFromAnyPlaceALearnersCodeRuns() throws IOException {
        String releaseAgent = read(RELEASE_AGENT);
        String corePattern = read(CORE_PATTERN);
        long[] disk = hostDisk();
        Sandbox rootless = sandboxes.start("dind-fixture");
        Sandbox plain = sandboxes.start("check-fixture");
        Path[] markers = new Path[3];
        for (int i = 0; i < 3; i++) {
            markers[i] = Path.of("/tmp/labdeck-escape-" + System.nanoTime());
            String script = "set -- " + markers[i] + " " + disk[0] + " " + disk[1] + "\n" + ESCAPES;
            String out = switch (i) {
                case 0 -> sandboxes.asLearner(rootless, script, 30).stdout();
                case 1 -> sandboxes.asContainerUser(rootless, script);
                default -> sandboxes.asLearner(plain, script, 30).stdout();
            };
            assertThat(out).as("place " + i + " (0: rootless learner, 1: its real user, 2: plain root)")
                    .contains("escapes: none");
        }
        // A release agent runs when its cgroup empties, a moment after: look for a while, not once.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Arrays.stream(markers)
                .noneMatch(Files::exists));
        assertThat(read(RELEASE_AGENT)).as("the host's release_agent").isEqualTo(releaseAgent);
        assertThat(read(CORE_PATTERN)).as("the host's core_pattern").isEqualTo(corePattern);
    }

    @Test
    void theRootlessSandboxsUserHoldsNoCapabilityAndTheLearnerIsRootOnlyInItsOwnNamespace() {
        Sandbox rootless = sandboxes.start("dind-fixture");
        // Every process outside the engine's user namespace (the init, rootlesskit, dockerd's parent, the agent).
        String outside = sandboxes.asContainerUser(rootless, """
                mine=$(readlink /proc/1/ns/user)
                for s in /proc/[0-9]*/status; do
                  p=${s%/status}; [ "$(readlink $p/ns/user 2>/dev/null)" = "$mine" ] || continue
                  echo "$(awk '/^Uid:/ {print $2} /^CapEff:/ {print $2} /^CapPrm:/ {print $2}' $s | tr '\\n' ' ')"
                done | sort -u
                """);
        assertThat(outside.lines().toList()).as("uid, CapPrm, CapEff of each process in the sandbox's own user"
                + " namespace").isNotEmpty().allSatisfy(line -> assertThat(line.strip())
                        .isEqualTo("1000 0000000000000000 0000000000000000"));
        String inside = sandboxes.asLearner(rootless, "id -u; cat /proc/self/uid_map", 10).stdout();
        assertThat(inside.lines().map(String::strip).map(l -> l.replaceAll("\\s+", " ")).toList())
                .as("root inside is uid 1000 outside, and no other id of the host is mapped")
                .containsExactly("0", "0 1000 1", "1 100000 65536");
    }

    @Test
    void noSocketInASandboxIsTheHostsEngine() {
        String hostEngine = docker.infoCmd().exec().getId();
        Sandbox rootless = sandboxes.start("dind-fixture");
        Sandbox plain = sandboxes.start("check-fixture");
        String probe = """
                find / \\( -path /proc -o -path /sys \\) -prune -o -type s -print 2>/dev/null | while read -r s; do
                  echo "socket $s $(curl -s -m 2 --unix-socket "$s" http://engine/info 2>/dev/null \
                    | grep -o '"ID":"[^"]*"' | head -n 1)"
                done
                test -e /var/run/docker.sock && echo "docker.sock $(readlink -f /var/run/docker.sock)"; true
                """;
        String learner = sandboxes.asLearner(rootless, probe, 30).stdout();
        String inner = sandboxes.asLearner(rootless, "docker info -f '{{.ID}}'", 20).stdout().strip();
        assertThat(inner).isNotBlank().isNotEqualTo(hostEngine);
        assertThat(learner).as("the learner sees their own engine's socket, and no other engine's")
                .containsPattern("socket \\S*/docker.sock \"ID\":\"" + java.util.regex.Pattern.quote(inner) + "\"")
                .doesNotContain(hostEngine);
        assertThat(sandboxes.asContainerUser(rootless, probe)).doesNotContain(hostEngine);
        assertThat(sandboxes.asLearner(plain, "ls -la /var/run/docker.sock /run/docker.sock 2>&1; find / -xdev -type s"
                + " 2>/dev/null", 10).stdout()).doesNotContain(hostEngine).doesNotContain("srw");
    }

    @Test
    void theSandboxImagesKeepSetuidOnlyWhereRootlessDockerNeedsIt() {
        Sandbox rootless = sandboxes.start("dind-fixture");
        Sandbox plain = sandboxes.start("check-fixture");
        String audit = "find / -xdev -type f -perm /6000 2>/dev/null | sort";
        assertThat(sandboxes.asContainerUser(rootless, audit).lines().toList())
                .containsExactly("/usr/bin/newgidmap", "/usr/bin/newuidmap");
        assertThat(sandboxes.asLearner(plain, audit, 20).stdout().lines().toList()).isEmpty();
        assertThat(sandboxes.asLearner(plain, "grep NoNewPrivs /proc/self/status", 5).stdout())
                .as("plain sandboxes run with no-new-privileges").contains("1");
    }

    private static String read(Path path) throws IOException {
        return Files.exists(path) ? Files.readString(path) : "(absent)";
    }

    /** The major and minor number of the host's root filesystem's device. */
    private static long[] hostDisk() throws IOException {
        long dev = ((Number) Files.getAttribute(Path.of("/"), "unix:dev")).longValue();
        return new long[] {(dev >>> 8) & 0xfff, (dev & 0xff) | ((dev >>> 12) & 0xfff00)};
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
