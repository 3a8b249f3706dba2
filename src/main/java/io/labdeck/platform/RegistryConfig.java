package io.labdeck.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The image registry as sandboxes see it: the door that labs push to ({@code {{registry}}}), and the mirror that
 * their inner engines pull through. Both are Labdeck's registry proxy, on the host's address in each sandbox's
 * network.
 */
@ConfigMapping(prefix = "labdeck.registry")
public interface RegistryConfig {

    /**
     * host:port of the registry door as seen from inside a sandbox: {@code {{registry}}} in lab text. Pushes need the
     * session's credentials, which Labdeck writes into the sandbox's Docker client config; pulls need none. Its port
     * is where Labdeck's registry proxy listens.
     */
    @WithDefault("registry.labdeck:5000")
    String address();

    /**
     * The port of the registry mirror on the same host: what inner engines pull through ({@code --registry-mirror}).
     * It serves reads only and asks for no credentials, so {@code docker pull python} works without a login.
     */
    @WithDefault("5002")
    int mirrorPort();

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

    /** host:port of the mirror as sandboxes see it. */
    default String mirrorAddress() {
        return host() + ":" + mirrorPort();
    }
}
