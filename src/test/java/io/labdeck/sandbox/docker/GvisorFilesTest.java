package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.FilePath;
import io.labdeck.sandbox.FileProblemException;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxFiles;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.TreeLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Files in a sandbox on gVisor's own kernel, whose files the host's view of the container does not show: they go
 * through execs in the sandbox, so the shell sees a write at once and a read gets what the shell wrote.
 */
@QuarkusTest
@TestProfile(GvisorRuntimeTest.Runsc.class)
class GvisorFilesTest {

    @Inject
    TestSandboxes sandboxes;
    @Inject
    SandboxProvisioner provisioner;
    @Inject
    SandboxFiles files;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void writesReadsAndListsWhereTheShellIsAndRefusesALinkOut() {
        Sandbox sandbox = sandboxes.start("check-fixture");
        byte[] text = "saved on gVisor\n".getBytes(StandardCharsets.UTF_8);
        files.write(sandbox.ref(), FilePath.of("notes/a.txt"), new ByteArrayInputStream(text), text.length);
        var seen = provisioner.exec(sandbox.ref(), ExecRequest.shell("cat notes/a.txt; echo from the shell > b.txt;"
                + " ln -s /etc out", Duration.ofSeconds(10)));
        assertThat(seen.stdout()).as(seen.stderr()).isEqualTo("saved on gVisor\n");
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        files.read(sandbox.ref(), FilePath.of("b.txt"), read, 1024);
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("from the shell\n");
        assertThat(files.list(sandbox.ref(), FilePath.of(""), new TreeLimits(3, 100)).entries())
                .extracting(e -> e.path() + ":" + e.type())
                .contains("notes:dir", "notes/a.txt:file", "b.txt:file", "out:link");
        assertThatThrownBy(() -> files.stat(sandbox.ref(), FilePath.of("out/hostname")))
                .isInstanceOf(FileProblemException.class).hasMessageContaining("leads out of the working directory");
    }
}
