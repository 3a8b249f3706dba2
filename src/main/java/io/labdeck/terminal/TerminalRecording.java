package io.labdeck.terminal;

import java.io.IOException;

import org.jboss.logging.Logger;

import io.labdeck.sandbox.TtySize;

/**
 * A terminal's recording as its bridge writes it: flushed at most every 200 ms (a flush per chunk is a write system
 * call per chunk, which a flood pays for in throughput), and never failing the terminal: a write that fails is
 * logged and the shell goes on. Not thread-safe; the bridge calls it under its lock.
 */
final class TerminalRecording {

    private static final long FLUSH_INTERVAL_NANOS = 200_000_000L;
    private static final Logger LOG = Logger.getLogger(TerminalRecording.class);

    private final String sessionId;
    private final AsciicastRecorder recorder;
    private long flushedAt;

    TerminalRecording(String sessionId, AsciicastRecorder recorder) {
        this.sessionId = sessionId;
        this.recorder = recorder;
    }

    void output(byte[] data) {
        write(() -> recorder.output(data), false);
    }

    void resize(TtySize size) {
        write(() -> recorder.resize(size.cols(), size.rows()), false);
    }

    /** Writes out what the recording holds, so the file is complete up to now (for a reader of it). */
    void flush() {
        write(() -> { }, true);
    }

    void close() {
        write(recorder::close, false);
    }

    private void write(IoAction action, boolean flushNow) {
        try {
            action.run();
            long now = System.nanoTime();
            if (flushNow || now - flushedAt > FLUSH_INTERVAL_NANOS) {
                recorder.flush();
                flushedAt = now;
            }
        } catch (IOException e) {
            LOG.warnf("recording of %s: %s", sessionId, e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
