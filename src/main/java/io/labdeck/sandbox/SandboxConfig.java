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

    /** How Docker runs inside sandboxes of labs with {@code docker: true}. */
    @WithDefault("caps")
    DindMode dindMode();

    /** The container runtime for {@code dind-mode=runtime}, e.g. sysbox-runc. */
    @WithDefault("sysbox-runc")
    String dindRuntime();

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
        /** {@code --privileged}: simplest, where the host allows it. */
        PRIVILEGED,
        /** All capabilities but SYS_RESOURCE, unconfined seccomp/AppArmor/system paths, the host cgroup namespace. */
        CAPS,
        /** A runtime that isolates nested containers itself, such as sysbox-runc. */
        RUNTIME
    }
}
