package io.labdeck.sandbox;

/**
 * An open interactive TTY: an attachment to the session's shell, which may outlive it (see
 * {@link SandboxProvisioner#openTty}).
 */
public interface TtySession extends AutoCloseable {

    /**
     * Queues raw bytes for the TTY; never blocks. False when input the shell has not read yet has reached its hard
     * limit: the bytes are refused. Bytes for a TTY that has ended are dropped, and answered true. Before that, {@link #inputBacklogged()} is the sign to pause the sender until
     * {@link TtyOutput#inputDrained()}.
     */
    boolean write(byte[] data);

    /** Whether queued input passed the high-water mark and has not fallen back under the low-water mark yet. */
    boolean inputBacklogged();

    void resize(TtySize size);

    /** Detaches and frees its threads. Idempotent. */
    @Override
    void close();
}
