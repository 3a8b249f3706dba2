package io.labdeck.sandbox.docker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRequest;

/**
 * A session's terminal container: {@code labdeck-term serve} as its PID 1, holding the pty of the learner's shell,
 * which runs in the sandbox (deploy/images/files/labdeck-term.c). Reading a pty costs the kernel's tty worker a
 * synchronous wake per 4 KiB; inside the sandbox, under its CPU quota, that took a third of a flood's throughput.
 * Here it is charged to a container of Labdeck's own, limited on its own (as much CPU as the sandbox, 32 MiB, 16
 * pids), with no network, no capability, a read-only root and no way in but the spawn socket on a small tmpfs volume
 * that the sandbox mounts read-only (a socket on a read-only mount still accepts connections). Runs on runc only:
 * a pty cannot be handed into gVisor, and a sandbox on its own kernel keeps its holder inside.
 */
final class TerminalContainer {

    /** Where the sandbox finds the spawn socket, and the terminal container its volume. */
    static final String SHARED = "/.labdeck-term";
    static final String SPAWN_SOCKET = SHARED + "/spawn.sock";
    /** The attach socket, in the terminal container's own /run: the sandbox cannot reach it. */
    static final String ATTACH_SOCKET = "/run/labdeck-term.sock";
    static final String HOLDER = ToolsVolume.MOUNT + "/labdeck-term";
    private static final String IMAGE = "labdeck/sandbox-tiny";
    private static final String USER = "1000:1000";

    private TerminalContainer() {
    }

    static String name(String sessionId) {
        return "labdeck-" + sessionId + "-term";
    }

    static String volume(String sessionId) {
        return "labdeck-" + sessionId + "-term";
    }

    /** Whether a sandbox of this mode gets one: on runc, with the tools mount (where the holder comes from). */
    static boolean wanted(SandboxMode mode, SandboxConfig config, Optional<Bind> tools) {
        boolean ownKernel = config.runtime().filter(r -> !r.isBlank()).isPresent();
        return tools.isPresent() && (mode == SandboxMode.ROOTLESS || mode == SandboxMode.PLAIN && !ownKernel);
    }

    /** The spawn socket's volume, which the sandbox mounts read-only at {@link #SHARED}; made before the sandbox. */
    static Bind createVolume(DockerClient docker, String sessionId, Map<String, String> labels) {
        docker.createVolumeCmd().withName(volume(sessionId)).withLabels(labels).withDriver("local")
                .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m,uid=1000,gid=1000,mode=0755"))
                .exec();
        return new Bind(volume(sessionId), new Volume(SHARED), com.github.dockerjava.api.model.AccessMode.ro);
    }

    /** Creates and starts the terminal container beside the sandbox; its labels make it the session's. */
    static void start(DockerClient docker, SandboxRequest request, Map<String, String> labels, Bind tools) {
        Map<String, String> own = new HashMap<>(labels);
        own.put(DockerLabels.ROLE, "terminal");
        SandboxHostConfig host = new SandboxHostConfig();
        host.withMemory(32L << 20).withMemorySwap(32L << 20)
                .withNanoCPUs((long) (request.limits().cpus() * 1_000_000_000L))
                .withPidsLimit(16L)
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/run", "rw,nosuid,nodev,noexec,uid=1000,gid=1000,mode=0700,size=1m"))
                .withBinds(tools, new Bind(volume(request.sessionId()), new Volume(SHARED)));
        String id = docker.createContainerCmd(IMAGE).withName(name(request.sessionId())).withLabels(own)
                .withUser(USER).withEntrypoint(HOLDER, "serve", ATTACH_SOCKET, SPAWN_SOCKET).withCmd(List.of())
                .withHostConfig(host).exec().getId();
        docker.startContainerCmd(id).exec();
    }

    /** The session's terminal container, started again if it stopped; empty when the session has none. */
    static Optional<String> running(DockerClient docker, String sessionId) {
        try {
            var inspected = docker.inspectContainerCmd(name(sessionId)).exec();
            if (!Boolean.TRUE.equals(inspected.getState().getRunning())) {
                docker.startContainerCmd(inspected.getId()).exec();
            }
            return Optional.of(inspected.getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
