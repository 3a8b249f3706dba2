package io.labdeck.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;

import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxState;
import io.labdeck.sandbox.SandboxStats;

/** A sandbox container as the SPI describes it: its state, published ports and limits, and its resource use. */
final class DockerInspector {

    private final DockerClient docker;

    DockerInspector(DockerClient docker) {
        this.docker = docker;
    }

    SandboxState state(String id) {
        InspectContainerResponse c;
        try {
            c = docker.inspectContainerCmd(id).exec();
        } catch (NotFoundException e) {
            return SandboxState.gone();
        }
        var host = c.getHostConfig();
        List<SandboxState.PublishedPort> ports = new ArrayList<>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getPorts() != null) {
            c.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
                if (bindings != null) {
                    for (var b : bindings) {
                        ports.add(new SandboxState.PublishedPort(exposed.getPort(), b.getHostIp(),
                                Integer.parseInt(b.getHostPortSpec())));
                    }
                }
            });
        }
        Optional<SandboxLimits> limits = Optional.ofNullable(host).map(h -> new SandboxLimits(
                h.getMemory() == null ? 0 : h.getMemory(),
                h.getNanoCPUs() == null ? 0 : h.getNanoCPUs() / 1e9,
                h.getPidsLimit() == null ? 0 : h.getPidsLimit().intValue(), 0));
        boolean running = Boolean.TRUE.equals(c.getState().getRunning());
        Optional<String> address = Optional.ofNullable(c.getNetworkSettings()).map(n -> n.getNetworks())
                .flatMap(n -> n.values().stream().map(net -> net.getIpAddress()).filter(a -> a != null && !a.isEmpty())
                        .findFirst());
        return new SandboxState(true, running, c.getState().getStatus(), ports, limits,
                c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels(), address);
    }

    SandboxStats stats(String id) {
        try (var callback = new com.github.dockerjava.api.async.ResultCallback.Adapter<Statistics>() {
            volatile Statistics last;

            @Override
            public void onNext(Statistics s) {
                last = s;
            }
        }) {
            docker.statsCmd(id).withNoStream(true).exec(callback).awaitCompletion(10,
                    java.util.concurrent.TimeUnit.SECONDS);
            Statistics s = callback.last;
            long memory = s == null || s.getMemoryStats() == null || s.getMemoryStats().getUsage() == null ? 0
                    : s.getMemoryStats().getUsage();
            long pids = s == null || s.getPidsStats() == null || s.getPidsStats().getCurrent() == null ? 0
                    : s.getPidsStats().getCurrent();
            return new SandboxStats(memory, pids);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SandboxStats(0, 0);
        } catch (java.io.IOException e) {
            return new SandboxStats(0, 0);
        }
    }
}
