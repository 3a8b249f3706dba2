package io.labdeck.sandbox;

/**
 * Receives a TTY's output. Called from a blocking stream thread, never the event loop; a slow receiver slows the
 * reader, which is the backpressure.
 */
public interface TtyOutput {

    /** Raw bytes; the array is the receiver's to keep. */
    void bytes(byte[] data);

    /** The shell ended (it exited, or the sandbox went away). */
    void closed();
}
