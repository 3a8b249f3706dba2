package io.labdeck.sandbox;

/**
 * Receives a TTY's output and events. Called from a blocking stream thread, never the event loop; it must not wait
 * on anything slow.
 */
public interface TtyOutput {

    /** Raw bytes; the array is the receiver's to keep. */
    void bytes(byte[] data);

    /** The shell ended (it exited, or the sandbox went away). */
    void closed();

    /** Queued input fell back below the low-water mark after passing the high-water mark: senders may go on. */
    default void inputDrained() {
    }
}
