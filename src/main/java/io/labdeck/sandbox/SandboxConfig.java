package io.labdeck.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sandboxes are made: backend, defaults and maxima of their limits, and Docker-in-Docker. */
@ConfigMapping(prefix = "labdeck.sandbox")
public interface SandboxConfig {

    /** The Docker engine; empty means {@code DOCKER_HOST}, else {@code unix:///var/run/docker.sock}. */
    Optional<String> dockerHost();

    /** The image of labs that name none. */
    @WithDefault("labdeck/sandbox-tiny")
    String defaultImage();

    /**
     * Labels every resource as this installation's. Two installations sharing an engine need different owners, or
     * each one's reaper would remove the other's sandboxes.
     */
    @WithDefault("labdeck")
    String owner();

    /** Memory of a sandbox whose lab names none. */
    @WithDefault("512M")
    MemorySize memory();

    /** The most memory a lab may ask for; larger requests are capped. */
    @WithDefault("2G")
    MemorySize maxMemory();

    /** CPU cores of a sandbox whose lab names none. */
    @WithDefault("1.0")
    double cpus();

    /** The most CPU cores a lab may ask for. */
    @WithDefault("2.0")
    double maxCpus();

    /** Process limit of a sandbox whose lab names none. */
    @WithDefault("256")
    int pids();

    /** The highest process limit a lab may ask for. */
    @WithDefault("2048")
    int maxPids();

    /**
     * Storage of the inner Docker engine of a lab that names none: its {@code /var/lib/docker} is a tmpfs volume of
     * this size, so a full disk stops at the quota. Being RAM, it is added to the sandbox's memory limit.
     */
    @WithDefault("2G")
    MemorySize disk();

    /** The most inner-engine storage a lab may ask for. */
    @WithDefault("8G")
    MemorySize maxDisk();

    /**
     * How Docker runs inside sandboxes of labs with {@code docker: true}. {@code rootless} is the only mode safe for
     * learners one does not trust; {@code caps} and {@code privileged} give the learner the host and are refused
     * unless {@link #trustedLearners()} says otherwise.
     */
    @WithDefault("rootless")
    DindMode dindMode();

    /** The container runtime for {@code dind-mode=runtime}, e.g. sysbox-runc. */
    @WithDefault("sysbox-runc")
    String dindRuntime();

    /**
     * Whether every learner may be trusted with root on the host: only then may {@code dind-mode} be {@code caps}
     * or {@code privileged} (a classroom of colleagues on a throwaway machine, say). Labdeck still warns at startup.
     */
    @WithDefault("false")
    boolean trustedLearners();

    /**
     * The container runtime of sandboxes without Docker inside, e.g. {@code runsc} (gVisor) registered with the
     * engine (deploy/engine/add-runsc.sh); empty is the engine's default (runc).
     */
    Optional<String> runtime();

    /**
     * The seccomp profile of rootless Docker sandboxes: {@code unconfined} (what rootless dockerd was measured to
     * need; the sandbox's user still has no capability) or the JSON text of a profile. Sandboxes without Docker
     * inside always keep the engine's default profile.
     */
    @WithDefault("unconfined")
    String rootlessSeccomp();

    /**
     * The addresses of sandboxes' own networks, cut into /28 subnets, one per sandbox. Keep it apart from the
     * engine's default pools, the inner engines' bridge and 10.0.2.0/24 (rootless networking's own).
     */
    @WithDefault("10.89.0.0/16")
    String networkPool();

    /** The bridge address of inner engines ({@code --bip}): outside every sandbox network, so the host stays visible. */
    @WithDefault("10.200.0.1/24")
    String innerBridge();

    /** What sandboxes may reach when their lab does not say ({@code none}, {@code registry} or {@code internet}). */
    @WithDefault("registry")
    Egress egress();

    /** The most a lab may ask for; a lab asking more gets this. */
    @WithDefault("registry")
    Egress maxEgress();

    /**
     * Whether Labdeck keeps the host's firewall closed to sandboxes (iptables rules on the engine's host, set by a
     * short-lived container; see docs/security.md). Off only where an operator keeps equivalent rules: sandboxes
     * could otherwise reach Labdeck's own port.
     */
    @WithDefault("true")
    boolean firewall();

    /** The image that sets the firewall rules; it needs iptables. */
    @WithDefault("labdeck/sandbox")
    String firewallImage();

    /** How long a sandbox may take to become ready, inner engine included. */
    @WithDefault("60s")
    Duration startTimeout();

    /** How long a lab's setup script may run. */
    @WithDefault("120s")
    Duration setupTimeout();

    /**
     * Whether checks, setups and solves run through a long-lived agent shell in each sandbox instead of one docker
     * exec each: a docker exec costs 100-150 ms on small machines, a request to the agent a few. Off means every
     * script is a docker exec of its own.
     */
    @WithDefault("true")
    boolean execAgent();

    /** How Docker-in-Docker is made possible. */
    enum DindMode {
        /**
         * Rootless dockerd in an unprivileged sandbox (uid 1000, no capabilities): the learner is root only inside
         * the engine's user namespace.
         */
        ROOTLESS,
        /** {@code --privileged}: the learner is root on the host. Trusted learners only. */
        PRIVILEGED,
        /**
         * All capabilities but SYS_RESOURCE, unconfined seccomp/AppArmor/system paths, the host cgroup namespace:
         * where {@code --privileged} fails, and as unsafe. Trusted learners only.
         */
        CAPS,
        /** A runtime that isolates nested containers itself, such as sysbox-runc. */
        RUNTIME;

        /** Whether the mode hands the learner the host. */
        public boolean givesHost() {
            return this == CAPS || this == PRIVILEGED;
        }
    }
}
