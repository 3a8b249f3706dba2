package io.labdeck.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRequest;

/**
 * The host configuration of a sandbox container: limits, its own network and volumes, and how Docker runs inside
 * when the lab needs an engine. The host's Docker socket is never mounted. docs/security.md says what each mode
 * guarantees.
 */
final class ContainerSpec {

    static final String HOME = "/root";
    /** The unprivileged user a rootless sandbox runs as; root inside the engine's user namespace. */
    static final String ROOTLESS_USER = "1000:1000";
    static final String ROOTLESS_RUNTIME_DIR = "/run/user/1000";
    static final String ROOTLESS_SOCKET = ROOTLESS_RUNTIME_DIR + "/docker.sock";
    /**
     * The rootless engine's user's home, whose {@code .local/share/docker} is the engine's storage. The whole home is
     * the engine's tmpfs volume: everything the sandbox's user (uid 1000) can write outside it is a tmpfs too.
     */
    private static final String ROOTLESS_DATA = "/home/learner";
    private static final String ROOT_DATA = "/var/lib/docker";

    private ContainerSpec() {
    }

    static String containerName(String sessionId) {
        return "labdeck-" + sessionId;
    }

    static String networkName(String sessionId) {
        return "labdeck-" + sessionId;
    }

    static String homeVolume(String sessionId) {
        return "labdeck-" + sessionId + "-home";
    }

    static String dockerVolume(String sessionId) {
        return "labdeck-" + sessionId + "-docker";
    }

    /**
     * The host configuration. {@code host-gateway} in the request's extra hosts becomes {@code gateway}: the host's
     * address on the sandbox's own network. Docker's own {@code host-gateway} is the address of the host's docker0,
     * which an inner engine's docker0 (same default subnet) hides inside the sandbox.
     */
    static HostConfig hostConfig(SandboxRequest request, SandboxConfig config, SandboxMode mode, String gateway,
            java.util.Optional<Bind> tools) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(homeVolume(request.sessionId()), new Volume(HOME)));
        tools.ifPresent(binds::add);
        // The inner engine's storage is a tmpfs whose pages are charged to the sandbox: its memory limit grows by the
        // disk quota, so the quota (not the memory limit) is what a learner's images run into.
        long memory = request.limits().memoryBytes() + (request.docker() ? request.limits().diskBytes() : 0);
        SandboxHostConfig host = new SandboxHostConfig();
        host
                .withMemory(memory)
                .withMemorySwap(memory)
                .withNanoCPUs((long) (request.limits().cpus() * 1_000_000_000L))
                .withPidsLimit((long) request.limits().pids())
                .withNetworkMode(networkName(request.sessionId()))
                .withInit(false);
        if (!request.hosts().isEmpty()) {
            host.withExtraHosts(request.hosts().entrySet().stream().map(e -> e.getKey() + ":"
                    + (e.getValue().equals("host-gateway") ? gateway : e.getValue()))
                    .sorted().toArray(String[]::new));
        }
        switch (mode) {
            case PLAIN -> {
                host.withSecurityOpts(List.of("no-new-privileges"));
                config.runtime().filter(r -> !r.isBlank()).ifPresent(r -> ownKernel(host, r, request));
            }
            case ROOTLESS -> {
                binds.add(new Bind(dockerVolume(request.sessionId()), new Volume(ROOTLESS_DATA)));
                rootless(host, config);
            }
            case ROOT_ENGINE -> {
                binds.add(new Bind(dockerVolume(request.sessionId()), new Volume(ROOT_DATA)));
                rootEngine(host, binds, config);
            }
        }
        host.withTmpFs(scratch(request, mode));
        // The root filesystem of a plain sandbox is read-only: a writable layer lives on the host's disk, with no
        // quota the storage driver can set here, so one `dd` could fill the host. Every place a learner writes is a
        // tmpfs, whose pages are charged to the sandbox's memory limit. (In a rootless sandbox the learner is uid
        // 1000 outside its namespaces and can write only to the places below, all tmpfs.)
        host.withReadonlyRootfs(mode == SandboxMode.PLAIN);
        return host.withBinds(binds);
    }

    /** The tmpfs mounts: scratch space everywhere, and in a rootless sandbox its user's runtime dir. */
    private static Map<String, String> scratch(SandboxRequest request, SandboxMode mode) {
        String size = ",size=" + storageMib(request, mode) + "m";
        Map<String, String> tmpfs = new java.util.LinkedHashMap<>();
        tmpfs.put("/tmp", "rw,nosuid,nodev,mode=1777" + size);
        tmpfs.put("/var/tmp", "rw,nosuid,nodev,mode=1777" + size);
        switch (mode) {
            case PLAIN -> tmpfs.put("/run", "rw,nosuid,nodev,mode=0755,size=16m");
            case ROOTLESS -> {
                tmpfs.put(ROOTLESS_RUNTIME_DIR, "rw,nosuid,nodev,uid=1000,gid=1000,mode=0700,size=64m");
                tmpfs.put("/var/log", "rw,nosuid,nodev,uid=1000,gid=1000,mode=0755,size=64m");
            }
            case ROOT_ENGINE -> { }
        }
        return tmpfs;
    }

    /**
     * The size of each writable place. With Docker inside, the disk quota (the memory limit was raised by it).
     * Otherwise a quarter of the memory limit: tmpfs pages are memory that cannot be reclaimed, so the home, /tmp
     * and /var/tmp filled to the brim still leave the shell a quarter to run in, rather than an OOM kill.
     */
    static long storageMib(SandboxRequest request, SandboxMode mode) {
        return mode == SandboxMode.PLAIN ? Math.max(request.limits().memoryBytes() >> 22, 16)
                : Math.max(request.limits().diskBytes() >> 20, 64);
    }

    /** Driver options of the learner's home volume: a tmpfs too, owned by whoever the learner is outside. */
    static Map<String, String> homeVolumeOptions(SandboxRequest request, SandboxMode mode) {
        String owner = mode == SandboxMode.ROOTLESS ? ",uid=1000,gid=1000,mode=0700" : ",mode=0700";
        return Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=" + storageMib(request, mode) + "m" + owner);
    }

    /**
     * Rootless Docker in an unprivileged container: uid 1000 with no effective capability. SYS_ADMIN sits in the
     * bounding set only, for the setuid newuidmap and newgidmap, the image's only setuid programs. No-new-privileges
     * would stop them, so it is not set. Masked /proc paths would stop the inner engine mounting /proc for its
     * containers; AppArmor's docker-default forbids the mounts rootlesskit makes.
     */
    private static void rootless(SandboxHostConfig host, SandboxConfig config) {
        String seccomp = config.rootlessSeccomp().strip();
        host.withCapAdd(Capability.SYS_ADMIN)
                .withSecurityOpts(List.of("seccomp=" + seccomp, "apparmor=unconfined"))
                .withDevices(List.of(new Device("rwm", "/dev/net/tun", "/dev/net/tun")));
        host.withUnconfinedSystemPaths();
    }

    private static void rootEngine(SandboxHostConfig host, List<Bind> binds, SandboxConfig config) {
        switch (config.dindMode()) {
            case PRIVILEGED -> host.withPrivileged(true);
            case RUNTIME -> host.withRuntime(config.dindRuntime());
            default -> {
                // --privileged fails where CAP_SYS_RESOURCE is missing from the bounding set; this set works there.
                host.withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                        .withCgroupnsMode("host");
                host.withUnconfinedSystemPaths();
                binds.add(Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"));
            }
        }
    }

    /**
     * A runtime with a kernel of its own (gVisor's runsc): the host's pids cgroup counts that kernel's threads, not the
     * learner's processes (gVisor idles at about 130 and used 520 for 64 forks, measured here), and it kills the
     * whole sandbox when they run out. So the cgroup gets room for them, and the sandbox's own kernel enforces the
     * process limit, as RLIMIT_NPROC: a fork bomb then fails with "can't fork" and the sandbox lives on. (Under runc
     * RLIMIT_NPROC would count every process of the host's root, so it is used with such runtimes only.) That
     * kernel's own memory is charged to the sandbox too (about 60 MiB with 64 processes), so it is added to the limit.
     */
    private static void ownKernel(SandboxHostConfig host, String runtime, SandboxRequest request) {
        int pids = request.limits().pids();
        long memory = request.limits().memoryBytes() + RUNTIME_MEMORY;
        host.withRuntime(runtime).withPidsLimit((long) pids * RUNTIME_THREADS_PER_PROCESS + 256)
                .withUlimits(List.of(new Ulimit("nproc", (long) pids, (long) pids)))
                .withMemory(memory).withMemorySwap(memory);
    }

    private static final int RUNTIME_THREADS_PER_PROCESS = 10;
    private static final long RUNTIME_MEMORY = 64L << 20;

    /** The user the container runs as, when it is not the image's. */
    static java.util.Optional<String> user(SandboxMode mode) {
        return mode == SandboxMode.ROOTLESS ? java.util.Optional.of(ROOTLESS_USER) : java.util.Optional.empty();
    }

    /** Driver options of the inner engine's volume: a tmpfs of the disk quota (overlay2 works on it). */
    static Map<String, String> dockerVolumeOptions(SandboxRequest request, SandboxMode mode) {
        String owner = mode == SandboxMode.ROOTLESS ? ",uid=1000,gid=1000,mode=0700" : ",mode=0711";
        return Map.of("type", "tmpfs", "device", "tmpfs",
                "o", "size=" + storageMib(request, mode) + "m" + owner);
    }

    static List<String> env(SandboxRequest request, SandboxConfig config, SandboxMode mode) {
        List<String> env = new ArrayList<>();
        env.add("LABDECK_SESSION=" + request.sessionId());
        env.add("LABDECK_EGRESS=" + request.egress().word());
        switch (mode) {
            case ROOTLESS -> {
                env.add("LABDECK_DOCKER=rootless");
                env.add("XDG_RUNTIME_DIR=" + ROOTLESS_RUNTIME_DIR);
                env.add("DOCKER_HOST=unix://" + ROOTLESS_SOCKET);
            }
            case ROOT_ENGINE -> env.add("LABDECK_DOCKER=1");
            case PLAIN -> {
            }
        }
        if (mode != SandboxMode.PLAIN) {
            // The inner docker0 would take 172.17.0.1/16, which could hide the host from the sandbox.
            env.add("LABDECK_DOCKERD_ARGS=--bip=" + config.innerBridge());
        }
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }
}
