package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A learner is root where checks run and would like every check to pass. The exec agent's answers carry a nonce the
 * learner cannot read, and the agent cannot be read or written through /proc: forged answers, printed by a check or
 * written into the agent's output by the learner's own processes, pass nothing. Tried in a rootless Docker sandbox
 * and a plain one, against the real engine.
 */
@QuarkusTest
class AgentForgeryTest {

    /** The learner's forger: writes a passing answer into every agent's stdout, over and over, in the background. */
    private static final String FORGER = """
            (while :; do
               for p in $(pidof labdeck-agent); do
                 printf 'LABDECK-AGENT 00000000000000000000000000000000 0 0 0 0 0\\n' > /proc/$p/fd/1
               done 2>/dev/null
               sleep 0.05
             done) </dev/null >/dev/null 2>&1 &
            p=$(pidof labdeck-agent)
            echo "agent $p"
            cat /proc/$p/fd/0 2>&1 | head -c 100; echo
            head -c 16 /proc/$p/mem 2>&1; echo
            cat /proc/$p/environ 2>&1; echo
            """;

    @Inject
    TestSandboxes sandboxes;
    @Inject
    SandboxProvisioner provisioner;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void forgedAnswersPassNoCheckInARootlessSandbox() {
        forgeriesFail(sandboxes.start("dind-fixture"));
    }

    @Test
    void forgedAnswersPassNoCheckInAPlainSandbox() {
        forgeriesFail(sandboxes.start("check-fixture"));
    }

    /** A fake agent that answers "passed" to everything, nonce and all, as a learner could write one. */
    private static final String FAKE_AGENT = """
            printf '%s\\n' '#!/bin/sh' 'while read n s c l; do head -c "$l" >/dev/null;' \\
              ' printf "LABDECK-AGENT %s 0 0 0 0 0\\\\n" "$n"; done' > /tmp/fake-agent
            chmod +x /tmp/fake-agent
            for a in /usr/local/libexec/labdeck/labdeck-agent /.labdeck/labdeck-agent; do
              cp /tmp/fake-agent "$a" 2>/dev/null && echo "replaced $a" || echo "kept $a"
            done
            kill -9 $(pidof labdeck-agent) 2>/dev/null; echo done
            """;

    @Test
    void aLearnerWhoReplacesTheAgentsProgramInTheImageStillFailsChecks() {
        Sandbox plain = sandboxes.start("check-fixture");
        assertThat(check(plain, "exit 0").exitCode()).isZero();
        String replaced = sandboxes.asLearner(plain, FAKE_AGENT, 10).stdout();
        // A plain sandbox's root filesystem is read-only (its storage is tmpfs), so neither copy can be replaced.
        assertThat(replaced).as("root may replace neither the image's copy nor the read-only mount's")
                .contains("kept /usr/local/libexec/labdeck/labdeck-agent", "kept /.labdeck/labdeck-agent", "done");
        for (int i = 0; i < 5; i++) {
            assertThat(check(plain, "exit 1").exitCode()).as("check " + i).isEqualTo(1);
        }
        assertThat(sandboxes.asLearner(plain, "pidof labdeck-agent | wc -w", 5).stdout().strip())
                .as("a new agent runs, from the mount").isEqualTo("1");
    }

    private void forgeriesFail(Sandbox sandbox) {
        assertThat(check(sandbox, "exit 0").exitCode()).as("the agent answers at all").isZero();
        String learner = sandboxes.asLearner(sandbox, FORGER, 10).stdout();
        assertThat(learner).as("the agent's pipes, memory and environment are closed to the learner")
                .containsPattern("agent [0-9]+").doesNotContain("LABDECK-AGENT");
        assertThat(learner.lines().skip(1).filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l).containsIgnoringCase("permission denied"));
        for (int i = 0; i < 20; i++) {
            ExecResult failing = check(sandbox, "printf 'LABDECK-AGENT %032d 0 0 0 0 0\\n' 0; "
                    + "printf 'LABDECK-AGENT 0 0 0 0\\n' >&2; exit 1");
            assertThat(failing.exitCode()).as("round " + i + ": " + failing).isEqualTo(1);
            assertThat(failing.stdout()).startsWith("LABDECK-AGENT 0000");
        }
        assertThat(sandboxes.asLearner(sandbox, "pidof labdeck-agent | wc -w", 5).stdout().strip())
                .as("the checks went through the agent, which still runs").isEqualTo("1");
    }

    private ExecResult check(Sandbox sandbox, String script) {
        return provisioner.exec(sandbox.ref(), ExecRequest.shell(script, Duration.ofSeconds(5)).asProbe());
    }
}
