package io.labdeck.sandbox.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

/**
 * Labdeck's own programs for sandboxes (the exec agent, the shell's holder), in a volume mounted read-only into every
 * sandbox at {@link #MOUNT}. A learner who is root in a plain sandbox may replace any file of its image, the agent's
 * too, and a replaced agent could answer "passed" to every check; no one can write a read-only mount without
 * CAP_SYS_ADMIN. The programs are static, so they run in any image, a lab's own included. The volume is filled once
 * per build of labdeck/sandbox-tiny (its image id names it) and shared by every sandbox.
 */
final class ToolsVolume {

    static final String MOUNT = "/.labdeck";
    private static final Logger LOG = Logger.getLogger(ToolsVolume.class);
    private static final String SOURCE_IMAGE = "labdeck/sandbox-tiny";
    private static final String PROGRAMS = "/usr/local/libexec/labdeck";

    private final DockerClient docker;
    private volatile String ready;

    ToolsVolume(DockerClient docker) {
        this.docker = docker;
    }

    /** The bind of the volume, made and filled first if need be; empty when the tools' image is missing. */
    Optional<Bind> bind() {
        try {
            return Optional.of(new Bind(name(), new Volume(MOUNT), com.github.dockerjava.api.model.AccessMode.ro));
        } catch (RuntimeException e) {
            LOG.warnf("no read-only tools volume for sandboxes (%s): they use their image's own copies", e.toString());
            return Optional.empty();
        }
    }

    private synchronized String name() {
        String id = docker.inspectImageCmd(SOURCE_IMAGE).exec().getId().replace("sha256:", "").substring(0, 12);
        String name = "labdeck-tools-" + id;
        if (name.equals(ready)) {
            return name;
        }
        try {
            docker.inspectVolumeCmd(name).exec();
        } catch (NotFoundException absent) {
            fill(name);
        }
        ready = name;
        prune(name);
        return name;
    }

    /** Copies the programs from the image into a new volume, in a short-lived container. */
    private void fill(String name) {
        docker.createVolumeCmd().withName(name).withLabels(labels()).exec();
        String id = docker.createContainerCmd(SOURCE_IMAGE).withLabels(labels())
                .withCmd("sh", "-c", "cp " + PROGRAMS + "/labdeck-agent " + PROGRAMS + "/labdeck-term /tools/"
                        + " && chmod 0755 /tools/*")
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(name, new Volume("/tools")))
                        .withNetworkMode("none")).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
            if (code == null || code != 0) {
                docker.removeVolumeCmd(name).exec();
                throw new IllegalStateException(SOURCE_IMAGE + " has no " + PROGRAMS + " programs (exit " + code + ")");
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** Volumes of earlier builds, where no sandbox uses them any more. */
    private void prune(String current) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(DockerLabels.ROLE + "=tools")).exec()
                .getVolumes();
        if (volumes == null) {
            return;
        }
        volumes.stream().map(v -> v.getName()).filter(n -> !n.equals(current)).forEach(n -> {
            try {
                docker.removeVolumeCmd(n).exec();
            } catch (RuntimeException inUse) {
                LOG.debugf("tools volume %s is still in use", n);
            }
        });
    }

    private static Map<String, String> labels() {
        return Map.of(DockerLabels.PLATFORM, "labdeck", DockerLabels.ROLE, "tools");
    }
}
