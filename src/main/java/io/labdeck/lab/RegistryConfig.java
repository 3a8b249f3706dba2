package io.labdeck.lab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The image registry that labs push to and pull from; it fills {@code {{registry}}} in lab text. */
@ConfigMapping(prefix = "labdeck.registry")
public interface RegistryConfig {

    /**
     * host:port of the registry as seen from inside a sandbox. Sandboxes' inner engines use it as their registry
     * mirror and may push to it without TLS. Its port is where Labdeck's registry proxy listens.
     */
    @WithDefault("registry.labdeck:5000")
    String address();

    /**
     * Where the host name of {@link #address()} leads inside sandboxes (their {@code /etc/hosts}):
     * {@code host-gateway} is the host that runs the Docker engine, which is where Labdeck listens when both run on
     * one machine; an IP address names another host; {@code dns} adds no entry and leaves the name to DNS.
     */
    @WithDefault("host-gateway")
    String route();

    /** The host part of {@link #address()}. */
    default String host() {
        String a = address();
        int colon = a.lastIndexOf(':');
        return colon < 0 || a.endsWith("]") ? a : a.substring(0, colon);
    }

    /** The port of {@link #address()}; 80 when it names none. */
    default int port() {
        String a = address();
        int colon = a.lastIndexOf(':');
        return colon < 0 || a.endsWith("]") ? 80 : Integer.parseInt(a.substring(colon + 1));
    }
}
