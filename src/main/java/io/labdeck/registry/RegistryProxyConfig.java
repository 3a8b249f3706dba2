package io.labdeck.registry;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Labdeck's door to the image registry. Sandboxes never reach the registry itself (it listens on loopback): they
 * reach this proxy, which knows each session by its credentials and lets it push only under its own namespace.
 */
@ConfigMapping(prefix = "labdeck.registry-proxy")
public interface RegistryProxyConfig {

    /** Whether Labdeck serves the registry to sandboxes. Off, labs that push or pull images cannot work. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The address the proxy listens on. Sandboxes reach it through the host's address on their bridge network, so
     * the default listens on every interface; a firewall should keep the port from other machines.
     */
    @WithDefault("0.0.0.0")
    String listen();

    /**
     * Where requests may come from (IPv4 CIDRs); empty means the sandboxes' network pool
     * ({@code labdeck.sandbox.network-pool}) and loopback. Others get 403: what sessions pushed is not for the world
     * to pull.
     */
    java.util.Optional<java.util.List<String>> allowedSources();

    /** The port the proxy listens on; empty means the port of {@code labdeck.registry.address}. */
    Optional<Integer> port();

    /** The registry behind the proxy: Debian's docker-registry on loopback (deploy/registry/ensure-registry.sh). */
    @WithDefault("http://127.0.0.1:5001")
    URI upstream();

    /**
     * How long the registry behind the proxy may take to connect, or stay silent in the middle of an answer, before
     * the sandbox gets a 502 that says it does not answer. A hung registry must not hang a learner's pull or a check.
     */
    @WithDefault("30s")
    java.time.Duration upstreamTimeout();
}
