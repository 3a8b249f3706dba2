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

    DockerResources(DockerClient docker, String owner) {
        this.docker = docker;
        this.owner = owner;
    }

    /** Creates and starts the container with its network and volumes; returns the container id. */
    String createContainer(SandboxRequest request, SandboxConfig config) {
        Map<String, String> labels = DockerLabels.of(owner, request.sessionId(), request.labId());
        String network = docker.createNetworkCmd().withName(ContainerSpec.networkName(request.sessionId()))
                .withDriver("bridge").withLabels(labels).withCheckDuplicate(true).exec().getId();
        docker.createVolumeCmd().withName(ContainerSpec.homeVolume(request.sessionId())).withLabels(labels).exec();
        if (request.docker()) {
            docker.createVolumeCmd().withName(ContainerSpec.dockerVolume(request.sessionId())).withLabels(labels)
                    .withDriver("local").withDriverOpts(ContainerSpec.dockerVolumeOptions(request)).exec();
        }
        String id = docker.createContainerCmd(request.image())
                .withName(ContainerSpec.containerName(request.sessionId()))
                .withLabels(labels)
                .withEnv(ContainerSpec.env(request))
                .withWorkingDir(ContainerSpec.HOME)
                .withHostConfig(ContainerSpec.hostConfig(request, config, () -> gateway(network)))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** The session label of this installation's container that has {@code address} on one of its networks. */
    java.util.Optional<String> sessionAt(String address) {
        return docker.listContainersCmd().withLabelFilter(DockerLabels.filter(owner, null)).exec().stream()
                .filter(c -> c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null
                        && c.getNetworkSettings().getNetworks().values().stream()
                                .anyMatch(n -> address.equals(n.getIpAddress())))
                .map(c -> c.getLabels().get(DockerLabels.SESSION)).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The host's address on the sandbox's own network: how the sandbox reaches services of the host. */
    private String gateway(String network) {
        var ipam = docker.inspectNetworkCmd().withNetworkId(network).exec().getIpam();
        return ipam.getConfig().stream().map(c -> c.getGateway()).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("network " + network + " has no gateway"));
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

    /** Removes everything labelled with the session: containers first, as they hold the network and volumes. */
    void removeSession(String sessionId) {
        List<SandboxResource> owned = list(sessionId);
        owned.stream().filter(r -> r.kind() == SandboxResource.Kind.CONTAINER).forEach(this::remove);
        owned.stream().filter(r -> r.kind() != SandboxResource.Kind.CONTAINER).forEach(this::remove);
    }

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
