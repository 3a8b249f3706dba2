package io.labdeck.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TtySize;
import io.quarkus.scheduler.Scheduled;

/** The live terminals, one per session, created when the first viewer attaches and closed with the session. */
@ApplicationScoped
public class TerminalService {

    private final Map<String, TerminalBridge> bridges = new ConcurrentHashMap<>();
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

    /** Attaches a viewer to the session's terminal, starting the shell if it is the first. */
    public void attach(String sessionId, SandboxRef sandbox, Viewer viewer) {
        boolean[] created = {false};
        TerminalBridge bridge = bridges.computeIfAbsent(sessionId, id -> {
            created[0] = true;
            return open(id, sandbox);
        });
        bridge.join(viewer, created[0] ? "ready" : "reconnected");
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

    public void input(String sessionId, Viewer viewer, byte[] data) {
        TerminalBridge bridge = bridges.get(sessionId);
        if (bridge != null && bridge.input(viewer, data) && endsLine(data)) {
            commands.fire(new CommandEntered(sessionId));
        }
    }

    public void resize(String sessionId, Viewer viewer, TtySize size) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(b -> b.resize(viewer, size));
    }

    /** Pushes a control message (a check result, say) to every viewer of the session's terminal. */
    public void push(String sessionId, ControlMessage message) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(b -> b.send(message));
    }

    /** Sessions whose terminal has a viewer now. */
    public java.util.Set<String> attached() {
        java.util.Set<String> ids = new java.util.HashSet<>();
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

    /** Ends the session's terminal: viewers are told {@code state} and disconnected, the shell ends. */
    public void close(String sessionId, String state) {
        Optional.ofNullable(bridges.remove(sessionId)).ifPresent(b -> b.close(state));
    }

    /** The session's asciicast recording file (it may not exist yet), written out up to now. */
    public Path recording(String sessionId) {
        Optional.ofNullable(bridges.get(sessionId)).ifPresent(TerminalBridge::flushRecording);
        return recordingFile(sessionId);
    }

    private Path recordingFile(String sessionId) {
        Path dir = Path.of(config.recordingsDir().orElse(
                Optional.ofNullable(System.getenv("LABDECK_DATA")).orElse("./data") + "/recordings"));
        return dir.resolve(sessionId + ".cast");
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

    /** On shutdown viewers are told to reconnect; the shells' sandboxes stay for the next start. */
    @PreDestroy
    void shutdown() {
        bridges.keySet().forEach(id -> close(id, "exited"));
    }
}
