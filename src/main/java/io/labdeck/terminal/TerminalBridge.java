package io.labdeck.terminal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logging.Logger;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;

/**
 * One session's terminal: a shell in its sandbox, shared by every viewer. The shell's output goes through a bounded
 * queue to a pump (a virtual thread) that is the only sender, so a joining viewer gets the replay and then the live
 * output with nothing lost or doubled. A shell that exits is started again.
 */
final class TerminalBridge {

    private static final Logger LOG = Logger.getLogger(TerminalBridge.class);
    private static final int MAX_QUICK_RESTARTS = 3;

    private final String sessionId;
    private final SandboxRef sandbox;
    private final SandboxProvisioner sandboxes;
    private final List<String> shell;
    private final ControlCodec codec;
    private final TerminalEvents events;
    private final ReplayBuffer replay;
    private final AsciicastRecorder recorder;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private volatile TtySize size = new TtySize(80, 24);
    private volatile TtySession tty;
    private volatile boolean closing;
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
        this.events = new TerminalEvents((int) config.pending().asLongValue(), (int) config.maxFrame().asLongValue());
        this.replay = new ReplayBuffer((int) config.replay().asLongValue());
        Thread.ofVirtual().name("terminal-pump-" + sessionId).start(this::pump);
    }

    /** Starts the shell; fails if the sandbox cannot run one. */
    void start() {
        lastStart = System.nanoTime();
        tty = sandboxes.openTty(sandbox, new TtyRequest(shell, Map.of(), size), new Output());
    }

    void join(Viewer viewer, String state) {
        events.add(new TerminalEvents.Join(viewer, state));
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
    }

    boolean hasViewers() {
        return !viewers.isEmpty();
    }

    void input(Viewer viewer, byte[] data) {
        if (!viewer.watch() && tty != null) {
            tty.write(data);
        }
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
        events.add(new TerminalEvents.Resize(newSize.cols(), newSize.rows()));
    }

    void send(ControlMessage message) {
        events.add(new TerminalEvents.Control(codec.write(message)));
    }

    /** Tells every viewer the final state, closes them and ends the shell. */
    void close(String state) {
        closing = true;
        send(new ControlMessage.Status(state));
        events.close();
        TtySession current = tty;
        if (current != null) {
            current.close();
        }
    }

    private void pump() {
        try {
            TerminalEvents.Event event;
            while ((event = events.take()) != null) {
                handle(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            viewers.forEach(Viewer::close);
            viewers.clear();
            try {
                recorder.close();
            } catch (IOException e) {
                LOG.warnf("recording of %s: %s", sessionId, e);
            }
        }
    }

    private void handle(TerminalEvents.Event event) {
        switch (event) {
            case TerminalEvents.Output o -> {
                replay.append(o.data());
                record(() -> recorder.output(o.data()));
                viewers.forEach(v -> deliver(v, () -> v.sendBinary(o.data())));
            }
            case TerminalEvents.Join j -> {
                byte[] recent = replay.snapshot();
                deliver(j.viewer(), () -> {
                    if (recent.length > 0) {
                        j.viewer().sendBinary(recent);
                    }
                    j.viewer().sendText(codec.write(new ControlMessage.Status(j.state())));
                });
                viewers.add(j.viewer());
            }
            case TerminalEvents.Control c -> viewers.forEach(v -> deliver(v, () -> v.sendText(c.json())));
            case TerminalEvents.Resize r -> record(() -> recorder.resize(r.cols(), r.rows()));
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

    private void record(IoAction action) {
        try {
            action.run();
            recorder.flush();
        } catch (IOException e) {
            LOG.warnf("recording of %s: %s", sessionId, e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** The shell's output, on docker-java's stream thread. */
    private final class Output implements TtyOutput {
        @Override
        public void bytes(byte[] data) {
            try {
                events.output(data);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
