package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code labdeck.sandbox.runtime} reaches plain sandboxes: with runsc (registered by deploy/engine/add-runsc.sh, which
 * ./labdeck test runs) the sandbox runs on gVisor's kernel, keeps its limits, its own network and no-new-privileges,
 * and its checks still go through the exec agent. Docker labs keep their rootless mode.
 */
@QuarkusTest
@TestProfile(GvisorRuntimeTest.Runsc.class)
class GvisorRuntimeTest {

    /** Plain sandboxes on runsc. */
    public static class Runsc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labdeck.sandbox.runtime", "runsc");
        }
    }

    @Inject
    TestSandboxes sandboxes;
    @Inject
    DockerClient docker;
    @Inject
    SandboxProvisioner provisioner;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void aPlainSandboxRunsOnGvisorAndADockerSandboxStaysRootless() {
        Sandbox plain = sandboxes.start("check-fixture");
        var host = docker.inspectContainerCmd(plain.ref().id()).exec().getHostConfig();
        assertThat(host.getRuntime()).isEqualTo("runsc");
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getUlimits()).as("gVisor's own kernel holds the process limit")
                .anySatisfy(u -> assertThat(u.getName() + "=" + u.getSoft() + "/" + u.getHard()).isEqualTo("nproc=64/64"));
        assertThat(host.getNetworkMode()).isEqualTo("labdeck-" + plain.ref().sessionId());
        assertThat(provisioner.exec(plain.ref(), ExecRequest.shell("echo checked", Duration.ofSeconds(5)).asProbe())
                .stdout()).isEqualTo("checked\n");
        String kernel = sandboxes.asLearner(plain, "dmesg | head -n 1; pidof labdeck-agent >/dev/null || echo no-agent",
                10).stdout();
        assertThat(kernel).as("gVisor's kernel, and the check went through the exec agent").contains("Starting gVisor")
                .doesNotContain("no-agent");
        String bomb = sandboxes.asLearner(plain, "i=0; while [ $i -lt 100 ]; do sleep 30 & i=$((i+1)); done 2>/dev/null;"
                + " echo started $i", 20).stdout();
        assertThat(bomb).as("the process limit stops the 100 sleeps").doesNotContain("started 100");
        assertThat(sandboxes.asLearner(plain, "echo alive", 10).stdout()).as("and the sandbox lives on")
                .isEqualTo("alive\n");

        Sandbox docker = sandboxes.start("dind-fixture");
        assertThat(this.docker.inspectContainerCmd(docker.ref().id()).exec().getHostConfig().getRuntime())
                .isIn(null, "runc", "");
        assertThat(sandboxes.asLearner(docker, "docker info -f '{{.SecurityOptions}}'", 20).stdout())
                .contains("rootless");
    }
}
