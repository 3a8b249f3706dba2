package io.labdeck.sandbox.docker;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Network;

import io.labdeck.sandbox.Egress;

/**
 * Each sandbox's own bridge network. Its subnet is a /28 of Labdeck's pool, not one of Docker's default /16s: those
 * run out after about thirty networks, and an inner engine would hand the same ranges to its own networks, hiding
 * the host. Its bridge is named {@code ld<egress><session>}: {@link NetworkGuard}'s rules match the prefix, so a
 * sandbox is closed from the moment its network exists. Only {@code internet} egress gets a routed network; the
 * others are internal (Docker forwards nothing out of them).
 */
final class SandboxNetworks {

    /** Bridge name prefixes, by egress. */
    static final Map<Egress, String> PREFIX = Map.of(Egress.NONE, "ldn", Egress.REGISTRY, "ldr",
            Egress.INTERNET, "ldi");
    private static final int BLOCK = 16;
    private static final int ATTEMPTS = 64;

    /** A network made: its id and the host's address on it. */
    record Made(String id, String gateway) {
    }

    private final DockerClient docker;
    private final int poolBase;
    private final int blocks;

    SandboxNetworks(DockerClient docker, String pool) {
        this.docker = docker;
        String[] parts = pool.strip().split("/");
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        if (prefix < 8 || prefix > 28) {
            throw new IllegalArgumentException("labdeck.sandbox.network-pool must be an IPv4 CIDR between /8 and /28,"
                    + " not '" + pool + "'");
        }
        this.poolBase = ipv4(parts[0]) & (-1 << (32 - prefix));
        this.blocks = 1 << (28 - prefix);
    }

    /** Whether {@code cidr} (an IPv4 a.b.c.d/n) overlaps the pool. */
    boolean overlaps(String cidr) {
        String[] parts = cidr.strip().split("/");
        int prefix = Integer.parseInt(parts[1]);
        long start = Integer.toUnsignedLong(ipv4(parts[0]) & (prefix == 0 ? 0 : -1 << (32 - prefix)));
        long end = start + (1L << (32 - prefix)) - 1;
        long poolStart = Integer.toUnsignedLong(poolBase);
        long poolEnd = poolStart + (long) blocks * BLOCK - 1;
        return start <= poolEnd && poolStart <= end;
    }

    Made create(String sessionId, Egress egress, Map<String, String> labels) {
        Set<String> taken = taken();
        int first = Math.floorMod(sessionId.hashCode(), blocks);
        DockerException last = null;
        for (int i = 0, tried = 0; i < blocks && tried < ATTEMPTS; i++) {
            int block = poolBase + ((first + i) % blocks) * BLOCK;
            String subnet = dotted(block) + "/28";
            if (taken.contains(subnet)) {
                continue;
            }
            tried++;
            String gateway = dotted(block + 1);
            try {
                String id = docker.createNetworkCmd().withName(ContainerSpec.networkName(sessionId))
                        .withDriver("bridge").withLabels(labels).withCheckDuplicate(true)
                        .withInternal(egress != Egress.INTERNET)
                        .withOptions(Map.of("com.docker.network.bridge.name", bridgeName(sessionId, egress)))
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet)
                                .withGateway(gateway)))
                        .exec().getId();
                return new Made(id, gateway);
            } catch (DockerException e) {
                // Another start took this subnet between our look and our create ("Pool overlaps"): the next one.
                last = e;
                if (!String.valueOf(e.getMessage()).contains("overlap")) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("no free /28 left in labdeck.sandbox.network-pool ("
                + dotted(poolBase) + ", " + blocks + " subnets)", last);
    }

    /** The interface name: at most 15 characters, the session's id when it fits, else a hash of it. */
    static String bridgeName(String sessionId, Egress egress) {
        String id = sessionId.matches("[a-z0-9]{1,12}") ? sessionId
                : String.format("%012x", Integer.toUnsignedLong(sessionId.hashCode()) * 2654435761L & 0xffffffffffffL);
        return PREFIX.get(egress) + id;
    }

    /** Subnets of every network on the engine, not only Labdeck's: the pool must not collide with any. */
    private Set<String> taken() {
        Set<String> subnets = new HashSet<>();
        for (Network n : docker.listNetworksCmd().exec()) {
            if (n.getIpam() != null && n.getIpam().getConfig() != null) {
                n.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(Objects::nonNull)
                        .forEach(subnets::add);
            }
        }
        return subnets;
    }

    private static int ipv4(String dotted) {
        String[] b = dotted.split("\\.");
        if (b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int v = 0;
        for (String part : b) {
            v = (v << 8) | (Integer.parseInt(part) & 0xff);
        }
        return v;
    }

    private static String dotted(int v) {
        return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }
}
