package io.labdeck.terminal;

/** JSON control messages of the terminal websocket, both ways (see the contract's "Terminal websocket"). */
public sealed interface ControlMessage {

    /** Client: the terminal's size changed. */
    record Resize(String type, int cols, int rows) implements ControlMessage {
    }

    /** Client: keep-alive. Answered with {@code pong}. */
    record Ping(String type) implements ControlMessage {
    }

    /** Server: the terminal's state (starting, ready, reconnected, exited, expired). */
    record Status(String type, String state) implements ControlMessage {
        public Status(String state) {
            this("status", state);
        }
    }

    /**
     * Server: a step's check status changed. {@code status}, {@code message} and {@code hint} extend the contract's
     * {@code {type, stepId, passed}}; {@code hint} is null unless the check failed.
     */
    record Check(String type, String stepId, boolean passed, String status, String message, String hint)
            implements ControlMessage {
        public Check(String stepId, boolean passed, String status, String message, String hint) {
            this("check", stepId, passed, status, message, hint);
        }
    }

    /** Server: a step's setup ran when the step opened, or failed (an extension of the contract). */
    record Setup(String type, String stepId, boolean ok, String message) implements ControlMessage {
        public Setup(String stepId, boolean ok, String message) {
            this("setup", stepId, ok, message);
        }
    }

    /** Server: something the client sent was wrong, or the terminal failed. */
    record Error(String type, String message) implements ControlMessage {
        public Error(String message) {
            this("error", message);
        }
    }

    /**
     * Server: the shell holds as much unread input as it should; the page pauses sending ({@code paused: true})
     * until told to go on ({@code paused: false}). A large paste is then taken at the shell's pace, whole (an
     * extension of the contract).
     */
    record Flow(String type, boolean paused) implements ControlMessage {
        public Flow(boolean paused) {
            this("flow", paused);
        }
    }

    /**
     * Server: something happened to the sandbox that the learner should know of, e.g. {@code out-of-memory}: the
     * kernel killed a process at the sandbox's memory limit (an extension of the contract).
     */
    record Incident(String type, String kind) implements ControlMessage {
        public Incident(String kind) {
            this("incident", kind);
        }
    }

    /**
     * Both ways: the learner lets the instructors who watch type into their terminal ({@code allowed: true}), or
     * takes it back. The server tells every viewer the new state (an extension of the contract).
     */
    record Takeover(String type, boolean allowed) implements ControlMessage {
        public Takeover(boolean allowed) {
            this("takeover", allowed);
        }
    }

    /** Server: a short message from the class's instructor to every learner (an extension of the contract). */
    record Broadcast(String type, String text, String at) implements ControlMessage {
        public Broadcast(String text, java.time.Instant at) {
            this("broadcast", text, at.toString());
        }
    }

    /**
     * Server: the session's port links changed; {@code ports} is the whole list, as {@code GET
     * /api/sessions/{id}/ports} gives it (records of the preview package, which sits above this one; an extension
     * of the contract).
     */
    record Ports(String type, java.util.List<?> ports) implements ControlMessage {
        public Ports(java.util.List<?> ports) {
            this("ports", java.util.List.copyOf(ports));
        }
    }

    /** Server: answer to {@code ping}. */
    record Pong(String type) implements ControlMessage {
        public Pong() {
            this("pong");
        }
    }
}
