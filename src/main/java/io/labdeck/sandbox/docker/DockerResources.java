package io.labdeck.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.SandboxResource;

/** Creates a sandbox's container, network and volumes, and finds and removes them by label. */
final class DockerResources {

    private static final Logger LOG = Logger.getLogger(DockerResources.class);

    private final DockerClient docker;
    private final String owner;
    private final SandboxNetworks networks;
    private final ToolsVolume tools;

    DockerResources(DockerClient docker, String owner, SandboxNetworks networks) {
        this.docker = docker;
        this.owner = owner;
        this.networks = networks;
        this.tools = new ToolsVolume(docker);
    }

    /** Creates and starts the container with its network and volumes; returns the container id. */
    String createContainer(SandboxRequest request, SandboxConfig config, SandboxMode mode) {
        Map<String, String> labels = DockerLabels.of(owner, request.sessionId(), request.labId());
        SandboxNetworks.Made network = networks.create(request.sessionId(), request.egress(), labels);
        docker.createVolumeCmd().withName(ContainerSpec.homeVolume(request.sessionId())).withLabels(labels)
                .withDriver("local").withDriverOpts(ContainerSpec.homeVolumeOptions(request, mode)).exec();
        if (request.docker()) {
            docker.createVolumeCmd().withName(ContainerSpec.dockerVolume(request.sessionId())).withLabels(labels)
                    .withDriver("local").withDriverOpts(ContainerSpec.dockerVolumeOptions(request, mode)).exec();
        }
        java.util.Optional<com.github.dockerjava.api.model.Bind> toolsBind = tools.bind();
        var host = ContainerSpec.hostConfig(request, config, mode, network.gateway(), toolsBind);
        if (TerminalContainer.wanted(mode, config, toolsBind)) {
            var shared = TerminalContainer.createVolume(docker, request.sessionId(), labels);
            host.withBinds(java.util.stream.Stream.concat(java.util.Arrays.stream(host.getBinds()),
                    java.util.stream.Stream.of(shared)).toArray(com.github.dockerjava.api.model.Bind[]::new));
        }
        var create = docker.createContainerCmd(request.image())
                .withName(ContainerSpec.containerName(request.sessionId()))
                .withLabels(DockerLabels.container(owner, request.sessionId(), request.labId(), mode))
                .withEnv(ContainerSpec.env(request, config, mode))
                .withWorkingDir(ContainerSpec.HOME)
                .withHostConfig(host);
        ContainerSpec.user(mode).ifPresent(create::withUser);
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /**
     * Starts the session's terminal container if its sandbox was made for one (its spawn volume exists); the
     * provisioner calls this while the sandbox gets ready.
     */
    void startTerminal(SandboxRequest request) {
        try {
            docker.inspectVolumeCmd(TerminalContainer.volume(request.sessionId())).exec();
        } catch (NotFoundException e) {
            return;
        }
        TerminalContainer.start(docker, request, DockerLabels.of(owner, request.sessionId(), request.labId()),
                tools.bind().orElseThrow());
    }

    List<SandboxResource> list() {
        return list(null);
    }

    private List<SandboxResource> list(String sessionId) {
        List<String> filter = DockerLabels.filter(owner, sessionId);
        List<SandboxResource> found = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec().forEach(c -> found.add(
                new SandboxResource(SandboxResource.Kind.CONTAINER, c.getId(), c.getLabels().get(DockerLabels.SESSION))));
        docker.listNetworksCmd().withFilter("label", filter).exec().forEach(n -> found.add(
                new SandboxResource(SandboxResource.Kind.NETWORK, n.getId(), n.getLabels().get(DockerLabels.SESSION))));
        var volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> found.add(new SandboxResource(SandboxResource.Kind.VOLUME, v.getName(),
                    v.getLabels() == null ? null : v.getLabels().get(DockerLabels.SESSION))));
        }
        return found;
    }

    /**
     * Removes everything labelled with the session, containers first (they hold the network and volumes), each
     * resource on its own: one that fails is left for the reaper's next sweep and the others still go. The first
     * failure is thrown at the end.
     */
    void removeSession(String sessionId) {
        List<SandboxResource> owned = new ArrayList<>(list(sessionId));
        owned.sort(java.util.Comparator.comparing(r -> r.kind() == SandboxResource.Kind.CONTAINER ? 0 : 1));
        RuntimeException first = null;
        for (SandboxResource r : owned) {
            try {
                remove(r);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Removes one resource; gone already is fine, anything else (still in use, the engine failing) is thrown. */
    void remove(SandboxResource resource) {
        try {
            switch (resource.kind()) {
                case CONTAINER -> docker.removeContainerCmd(resource.id()).withForce(true).withRemoveVolumes(true)
                        .exec();
                case NETWORK -> docker.removeNetworkCmd(resource.id()).exec();
                case VOLUME -> docker.removeVolumeCmd(resource.id()).exec();
            }
        } catch (NotFoundException e) {
            LOG.debugf("%s %s was already gone", resource.kind(), resource.id());
        }
    }
}
