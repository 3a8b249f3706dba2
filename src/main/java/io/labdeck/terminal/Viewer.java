package io.labdeck.terminal;

/**
 * One browser tab attached to a terminal. Sends never wait: a viewer queues what it cannot write yet, and drops
 * itself when it falls too far behind.
 */
public interface Viewer {

    String id();

    /** Watchers see the output; their input and resizes are ignored. */
    boolean watch();

    /** The instructor behind a watcher who teaches the session's class; such a one may type once the learner lets. */
    default java.util.Optional<String> instructor() {
        return java.util.Optional.empty();
    }

    /** False once the viewer's connection failed or was dropped. */
    boolean alive();

    void sendBinary(byte[] data);

    void sendText(String json);

    /** Disconnects; {@code reason} (or null for a normal close) is what the page is told. */
    void close(String reason);

    default void close() {
        close(null);
    }
}
