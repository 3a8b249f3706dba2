package io.labdeck.terminal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;

/**
 * One session's terminal: a shell in its sandbox, shared by every viewer. The thread reading the shell's output
 * records it and sends it to every viewer itself; one lock orders that with joins and control messages, so a joining
 * viewer gets the replay and then the live output with nothing lost or doubled. Sends wait when a viewer has too
 * many writes in flight, which stops the reading and so pauses the shell: a flood cannot grow memory. No hand-off
 * to another thread sits on the path of a keystroke's echo. A shell that exits is started again.
 */
final class TerminalBridge {

    private static final long FLUSH_INTERVAL_NANOS = 200_000_000L;
    private static final Logger LOG = Logger.getLogger(TerminalBridge.class);
    private static final int MAX_QUICK_RESTARTS = 3;

    private final String sessionId;
    private final SandboxRef sandbox;
    private final SandboxProvisioner sandboxes;
    private final List<String> shell;
    private final ControlCodec codec;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReplayBuffer replay;
    private final AsciicastRecorder recorder;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private volatile TtySize size = new TtySize(80, 24);
    private volatile TtySession tty;
    private volatile boolean closing;
    /** When the recording was last flushed; guarded by {@code lock}. */
    private long flushedAt;
    private boolean closed;
    private long lastStart;
    private int quickRestarts;

    TerminalBridge(String sessionId, SandboxRef sandbox, SandboxProvisioner sandboxes, TerminalConfig config,
            ControlCodec codec, AsciicastRecorder recorder) {
        this.sessionId = sessionId;
        this.sandbox = sandbox;
        this.sandboxes = sandboxes;
        this.shell = config.shell();
        this.codec = codec;
        this.recorder = recorder;
        this.replay = new ReplayBuffer((int) config.replay().asLongValue());
    }

    /** Starts the shell; fails if the sandbox cannot run one. */
    void start() {
        lastStart = System.nanoTime();
        tty = sandboxes.openTty(sandbox, new TtyRequest(shell, Map.of(), size), new Output());
    }

    /** Sends the viewer the recent output and the state, then the live output from there on. */
    void join(Viewer viewer, String state) {
        locked(() -> {
            byte[] recent = replay.snapshot();
            deliver(viewer, () -> {
                if (recent.length > 0) {
                    viewer.sendBinary(recent);
                }
                viewer.sendText(codec.write(new ControlMessage.Status(state)));
            });
            viewers.add(viewer);
        });
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
    }

    boolean hasViewers() {
        return !viewers.isEmpty();
    }

    /** Writes an owner's keystrokes to the shell; answers whether they were written (watchers' are dropped). */
    boolean input(Viewer viewer, byte[] data) {
        TtySession current = tty;
        if (viewer.watch() || current == null) {
            return false;
        }
        current.write(data);
        return true;
    }

    void resize(Viewer viewer, TtySize newSize) {
        if (viewer.watch() || newSize.equals(size)) {
            return;
        }
        size = newSize;
        TtySession current = tty;
        if (current != null) {
            current.resize(newSize);
        }
        locked(() -> record(() -> recorder.resize(newSize.cols(), newSize.rows())));
    }

    void send(ControlMessage message) {
        String json = codec.write(message);
        locked(() -> viewers.forEach(v -> deliver(v, () -> v.sendText(json))));
    }

    /** Tells every viewer the final state, closes them and ends the shell. */
    void close(String state) {
        closing = true;
        send(new ControlMessage.Status(state));
        locked(() -> {
            closed = true;
            viewers.forEach(Viewer::close);
            viewers.clear();
            try {
                recorder.close();
            } catch (IOException e) {
                LOG.warnf("recording of %s: %s", sessionId, e);
            }
        });
        TtySession current = tty;
        if (current != null) {
            current.close();
        }
    }

    /** Output, on the thread reading the shell: kept for replay, recorded, and sent to every viewer. */
    private void output(byte[] data) {
        locked(() -> {
            replay.append(data);
            record(() -> recorder.output(data));
            viewers.forEach(v -> deliver(v, () -> v.sendBinary(data)));
        });
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A viewer whose connection fails is dropped; the others go on. */
    private void deliver(Viewer viewer, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.debugf("viewer %s of %s dropped: %s", viewer.id(), sessionId, e);
            viewers.remove(viewer);
        }
    }

    /**
     * Records, flushing the file at most every 200 ms: a flush per chunk is a write system call per chunk, which a
     * flood pays for in throughput. A reader of the recording flushes first ({@link #flushRecording()}).
     */
    private void record(IoAction action) {
        try {
            action.run();
            long now = System.nanoTime();
            if (now - flushedAt > FLUSH_INTERVAL_NANOS) {
                recorder.flush();
                flushedAt = now;
            }
        } catch (IOException e) {
            LOG.warnf("recording of %s: %s", sessionId, e);
        }
    }

    /** Writes out what the recording holds, so the file is complete up to now. */
    void flushRecording() {
        locked(() -> {
            try {
                recorder.flush();
            } catch (IOException e) {
                LOG.warnf("recording of %s: %s", sessionId, e);
            }
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** The shell's output, on docker-java's stream thread. */
    private final class Output implements TtyOutput {
        @Override
        public void bytes(byte[] data) {
            output(data);
        }

        @Override
        public void closed() {
            if (!closing) {
                Thread.ofVirtual().start(TerminalBridge.this::restart);
            }
        }
    }

    private void restart() {
        send(new ControlMessage.Status("exited"));
        boolean quick = System.nanoTime() - lastStart < 5_000_000_000L;
        quickRestarts = quick ? quickRestarts + 1 : 0;
        if (quickRestarts >= MAX_QUICK_RESTARTS) {
            send(new ControlMessage.Error("The shell keeps exiting; the sandbox may have stopped."));
            return;
        }
        try {
            start();
            send(new ControlMessage.Status("ready"));
        } catch (SandboxFailedException e) {
            send(new ControlMessage.Error("A new shell could not be started: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "restarting the shell of %s failed", sessionId);
            send(new ControlMessage.Error("A new shell could not be started."));
        }
    }
}
