package io.labdeck.terminal;

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
 * One session's terminal: the shell in its sandbox (which outlives Labdeck: see the SPI), shared by every viewer.
 * The thread reading the shell's output records it and hands it to every viewer itself; one lock orders that with
 * joins and control messages, so a joining viewer gets the replay and then the live output with nothing lost or
 * doubled. The lock guards memory only: a viewer's send queues and never waits, so no network write happens under
 * it and a stalled tab stalls nobody. A shell that exits is started again, unless the terminal is closed.
 */
final class TerminalBridge {

    private static final Logger LOG = Logger.getLogger(TerminalBridge.class);
    private static final int MAX_QUICK_RESTARTS = 3;

    private final String sessionId;
    private final SandboxRef sandbox;
    private final SandboxProvisioner sandboxes;
    private final List<String> shell;
    private final ControlCodec codec;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReplayBuffer replay;
    private final TerminalRecording recording;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private volatile TtySize size = new TtySize(80, 24);
    private volatile TtySession tty;
    /** Set once, by {@link #close}: from then on nothing is sent, recorded or restarted. */
    private volatile boolean closed;
    private long lastStart;
    private int quickRestarts;
    /** Whether senders were told to pause their input; flips under {@code lock}. */
    private boolean inputPaused;
    /** The learner lets the instructors who watch type (take-over); it lapses when the learner's last tab leaves. */
    private volatile boolean takeover;

    TerminalBridge(String sessionId, SandboxRef sandbox, SandboxProvisioner sandboxes, TerminalConfig config,
            ControlCodec codec, AsciicastRecorder recorder) {
        this.sessionId = sessionId;
        this.sandbox = sandbox;
        this.sandboxes = sandboxes;
        this.shell = config.shell();
        this.codec = codec;
        this.recording = new TerminalRecording(sessionId, recorder);
        this.replay = new ReplayBuffer((int) config.replay().asLongValue());
    }

    /** Starts (or reattaches to) the shell; fails if the sandbox cannot run one. */
    void start() {
        lastStart = System.nanoTime();
        TtySession opened = sandboxes.openTty(sandbox, new TtyRequest(shell, Map.of(), size), new Output());
        tty = opened;
        if (closed) {
            opened.close(); // closed while it opened: it must not outlive the terminal
        }
    }

    /** Sends the viewer the recent output and the state, then the live output from there on. */
    void join(Viewer viewer, String state) {
        locked(() -> {
            byte[] recent = replay.snapshot();
            if (recent.length > 0) {
                viewer.sendBinary(recent);
            }
            viewer.sendText(codec.write(new ControlMessage.Status(state)));
            if (inputPaused && !viewer.watch()) {
                viewer.sendText(codec.write(new ControlMessage.Flow(true))); // a second tab joins a paused paste
            }
            if (takeover) {
                viewer.sendText(codec.write(new ControlMessage.Takeover(true)));
            }
            if (viewer.alive()) {
                viewers.add(viewer);
            }
        });
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
        if (takeover && viewers.stream().allMatch(Viewer::watch)) {
            allowTakeover(false);   // no learner is there to see an instructor type: their consent ends
        }
    }

    /**
     * The learner (a viewer who is no watcher) lets the instructors who watch type, or takes it back; every viewer
     * is told. Answers false for anyone else, whose say does not count.
     */
    boolean takeover(Viewer from, boolean allowed) {
        if (from.watch()) {
            return false;
        }
        allowTakeover(allowed);
        return true;
    }

    private void allowTakeover(boolean allowed) {
        String json = codec.write(new ControlMessage.Takeover(allowed));
        locked(() -> {
            takeover = allowed;
            viewers.forEach(v -> deliver(v, () -> v.sendText(json)));
        });
    }

    boolean hasViewers() {
        return !viewers.isEmpty();
    }

    /**
     * Writes an owner's keystrokes to the shell, and an instructor's while the learner allows take-over. Ignores a
     * watcher's otherwise; answers FULL when the shell already holds as much unread input as it may (the caller
     * drops that viewer: a paste faster than the shell reads, without end).
     */
    Input input(Viewer viewer, byte[] data) {
        TtySession current = tty;
        boolean mayType = !viewer.watch() || takeover && viewer.instructor().isPresent();
        if (!mayType || current == null || closed) {
            return Input.IGNORED;
        }
        if (!current.write(data)) {
            return Input.FULL;
        }
        if (current.inputBacklogged()) {
            flow(true);
        }
        return Input.WRITTEN;
    }

    /** Tells the viewers to pause or resume their input, once per change. */
    private void flow(boolean paused) {
        String json = codec.write(new ControlMessage.Flow(paused));
        locked(() -> {
            if (inputPaused != paused) {
                inputPaused = paused;
                viewers.stream().filter(v -> !v.watch()).forEach(v -> deliver(v, () -> v.sendText(json)));
            }
        });
    }

    /** What became of input. */
    enum Input { WRITTEN, IGNORED, FULL }

    void resize(Viewer viewer, TtySize newSize) {
        if (viewer.watch() || newSize.equals(size)) {
            return;
        }
        size = newSize;
        TtySession current = tty;
        if (current != null) {
            current.resize(newSize);
        }
        locked(() -> recording.resize(newSize));
    }

    void send(ControlMessage message) {
        String json = codec.write(message);
        locked(() -> viewers.forEach(v -> deliver(v, () -> v.sendText(json))));
    }

    /** Tells every viewer the final state, closes them and detaches from the shell. */
    void close(String state) {
        send(new ControlMessage.Status(state));
        lock.lock();
        try {
            closed = true;
            viewers.forEach(Viewer::close);
            viewers.clear();
            recording.close();
        } finally {
            lock.unlock();
        }
        TtySession current = tty;
        if (current != null) {
            current.close();
        }
    }

    /** Output, on the thread reading the shell: kept for replay, recorded, and queued for every viewer. */
    private void output(byte[] data) {
        locked(() -> {
            replay.append(data);
            recording.output(data);
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

    /** A viewer that failed or was dropped leaves; the others go on. */
    private void deliver(Viewer viewer, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.debugf("viewer %s of %s failed: %s", viewer.id(), sessionId, e);
        }
        if (!viewer.alive()) {
            viewers.remove(viewer);
        }
    }

    /** Writes out what the recording holds, so the file is complete up to now. */
    void flushRecording() {
        locked(recording::flush);
    }

    /** The shell's output, on the stream's reading thread. */
    private final class Output implements TtyOutput {
        @Override
        public void bytes(byte[] data) {
            output(data);
        }

        @Override
        public void inputDrained() {
            flow(false);
        }

        @Override
        public void closed() {
            if (!closed) {
                Thread.ofVirtual().name("tty-restart-" + sessionId).start(TerminalBridge.this::restart);
            }
        }
    }

    /** The shell ended (it exited, or its stream broke): a new one, unless the terminal was closed meanwhile. */
    private void restart() {
        if (closed) {
            return;
        }
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
