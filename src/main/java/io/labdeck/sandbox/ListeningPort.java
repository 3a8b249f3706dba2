package io.labdeck.sandbox;

/**
 * A TCP port something listens on in a sandbox, and where.
 *
 * @param port   the port
 * @param scope  where the listening socket can be reached from
 * @param socket the kernel's id of the listening socket (its inode), 0 when unknown: another one on the same port
 *               means the server was started again
 */
public record ListeningPort(int port, Scope scope, long socket) {

    public ListeningPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** Where a listening socket is, from the platform's side. The order is preference: the first one found wins. */
    public enum Scope {
        /**
         * At the sandbox's address (0.0.0.0, :: or that address, in the sandbox's own network namespace), where the
         * platform reaches it. Ports an inner rootless engine publishes ({@code docker run -p 5001:5000}) are here:
         * its port driver listens in the sandbox's namespace.
         */
        REACHABLE,
        /** Only on the sandbox's loopback (127.0.0.1, ::1): the sandbox's own programs reach it, the platform not. */
        LOOPBACK,
        /**
         * Only inside an inner engine's network namespace (a server started in the learner's shell of a rootless
         * Docker lab, not published with {@code docker run -p}): unreachable from the platform.
         */
        ENGINE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
