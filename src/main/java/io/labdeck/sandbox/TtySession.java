package io.labdeck.sandbox;

/** An open interactive TTY. */
public interface TtySession extends AutoCloseable {

    /** Sends raw bytes to the TTY; never blocks. */
    void write(byte[] data);

    void resize(TtySize size);

    /** Ends the shell and frees its threads. Idempotent. */
    @Override
    void close();
}
