package io.labdeck.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.labdeck.platform.Lanes;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TtySize;
import io.quarkus.scheduler.Scheduled;

/**
 * The live terminals, one per session, created when the first viewer attaches and closed with the session. Each
 * session's terminal lifecycle (open, attach, close) runs in its own serial lane, outside any map operation: two
 * first viewers open one shell, and once a session is closed nothing attaches to it again.
 */
@ApplicationScoped
public class TerminalService {

    private static final long LIFECYCLE_SECONDS = 90;

    private final Map<String, TerminalBridge> bridges = new ConcurrentHashMap<>();
    private final Lanes lanes = new Lanes("terminal");
    private final SandboxProvisioner sandboxes;
    private final TerminalAccess access;
    private final TerminalConfig config;
    private final ControlCodec codec;
    private final Event<CommandEntered> commands;

    public TerminalService(SandboxProvisioner sandboxes, TerminalAccess access, TerminalConfig config,
            ControlCodec codec, Event<CommandEntered> commands) {
        this.sandboxes = sandboxes;
        this.access = access;
        this.config = config;
        this.codec = codec;
        this.commands = commands;
    }

    /**
     * Attaches a viewer to the session's terminal, opening (or reattaching to) the shell if it is the first.
     *
     * @throws SandboxFailedException when the shell cannot be had, or the session is no longer live
     */
    public void attach(String sessionId, SandboxRef sandbox, Viewer viewer) {
        inLane(sessionId, () -> {
            if (!access.live(sessionId)) {
                throw new SandboxFailedException("This session has ended.", "attach after its end");
            }
            TerminalBridge bridge = bridges.get(sessionId);
            boolean created = bridge == null;
            if (created) {
                bridge = open(sessionId, sandbox);
                bridges.put(sessionId, bridge);
            }
            bridge.join(viewer, created ? "ready" : "reconnected");
            return null;
        });
        access.activity(sessionId);
    }

    private TerminalBridge open(String sessionId, SandboxRef sandbox) {
        AsciicastRecorder recorder;
        try {
            recorder = new AsciicastRecorder(recordingFile(sessionId), 80, 24, config.maxRecording().asLongValue());
        } catch (IOException e) {
            throw new SandboxFailedException("The terminal could not be opened.", "recording: " + e, e);
        }
        TerminalBridge bridge = new TerminalBridge(sessionId, sandbox, sandboxes, config, codec, recorder);
        try {
            bridge.start();
        } catch (RuntimeException e) {
            bridge.close("exited");
            throw e;
        }
        return bridge;
    }

    public void detach(String sessionId, Viewer viewer) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(b -> b.leave(viewer));
    }

    /**
     * An owner's keystrokes. A viewer whose input the shell cannot take any more (it ignored the pause) is
     * dropped; the shell's input stays bounded.
     */
    public void input(String sessionId, Viewer viewer, byte[] data) {
        TerminalBridge bridge = bridges.get(sessionId);
        if (bridge == null) {
            return;
        }
        switch (bridge.input(viewer, data)) {
            case WRITTEN -> {
                if (endsLine(data)) {
                    commands.fire(new CommandEntered(sessionId));
                }
            }
            case FULL -> viewer.close("The shell had 16 MiB of input it had not read yet; this tab kept sending and"
                    + " was disconnected.");
            case IGNORED -> {
            }
        }
    }

    /** The learner's take-over consent; false when the viewer's say does not count (a watcher's). */
    public boolean takeover(String sessionId, Viewer viewer, boolean allowed) {
        TerminalBridge bridge = bridges.get(sessionId);
        return bridge != null && bridge.takeover(viewer, allowed);
    }

    public void resize(String sessionId, Viewer viewer, TtySize size) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(b -> b.resize(viewer, size));
    }

    /** Pushes a control message (a check result, say) to every viewer of the session's terminal. Never waits. */
    public void push(String sessionId, ControlMessage message) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(b -> b.send(message));
    }

    /** Sessions whose terminal has a viewer now. */
    public Set<String> attached() {
        Set<String> ids = new java.util.HashSet<>();
        bridges.forEach((id, bridge) -> {
            if (bridge.hasViewers()) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static boolean endsLine(byte[] data) {
        for (byte b : data) {
            if (b == '\r' || b == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends the session's terminal for good: viewers are told {@code state} and disconnected, the shell is detached,
     * and nothing attaches to it afterwards.
     */
    public void close(String sessionId, String state) {
        inLane(sessionId, () -> {
            Optional.ofNullable(bridges.remove(sessionId)).ifPresent(b -> b.close(state));
            return null;
        });
        lanes.close(sessionId);
    }

    /**
     * Closes the session's terminal for now, its shell being replaced (a fresh sandbox): viewers are told
     * {@code state} and disconnected, and may attach again once the session is live. The recording goes on.
     */
    public void restart(String sessionId, String state) {
        inLane(sessionId, () -> {
            Optional.ofNullable(bridges.remove(sessionId)).ifPresent(b -> b.close(state));
            return null;
        });
    }

    /** The session's asciicast recording file (it may not exist yet), written out up to now. */
    public Path recording(String sessionId) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(TerminalBridge::flushRecording);
        return recordingFile(sessionId);
    }

    Path recordingFile(String sessionId) {
        Path dir = Path.of(config.recordingsDir().orElse(
                Optional.ofNullable(System.getenv("LABDECK_DATA")).orElse("./data") + "/recordings"));
        return dir.resolve(sessionId + ".cast");
    }

    /** How many sessions have a terminal open now (for tests, metrics and leak checks). */
    public int open() {
        return bridges.size();
    }

    /** An attached terminal counts as use of its session, even when nobody types. */
    @Scheduled(every = "${labdeck.terminal.activity-interval:30s}")
    void activity() {
        bridges.forEach((id, bridge) -> {
            if (bridge.hasViewers()) {
                access.activity(id);
            }
        });
    }

    /** On shutdown viewers are told to reconnect; the shells stay in their sandboxes for the next start. */
    @PreDestroy
    void shutdown() {
        bridges.forEach((id, bridge) -> bridge.close("exited"));
        bridges.clear();
        lanes.shutdown();
    }

    private <T> T inLane(String sessionId, java.util.concurrent.Callable<T> work) {
        try {
            return lanes.submit(sessionId, work).get(LIFECYCLE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Lanes.ClosedException) {
                throw new SandboxFailedException("This session has ended.", "its terminal is closed");
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SandboxFailedException("The terminal could not be opened.", String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new SandboxFailedException("The terminal did not open in time.", "lane busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailedException("Interrupted.", "interrupted");
        }
    }
}
