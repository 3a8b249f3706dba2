package io.labdeck.sandbox;

import java.time.Instant;

/**
 * Something that happened to a session's sandbox that its learner should hear of from Labdeck, not guess from a
 * "Killed" in their shell. Fired as an asynchronous CDI event by the sandbox backend.
 */
public record SandboxIncident(String sessionId, Kind kind, Instant at) {

    public enum Kind {
        /** The sandbox reached its memory limit and the kernel killed a process in it (the sandbox lives on). */
        OUT_OF_MEMORY("out-of-memory");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The kind as the terminal websocket names it. */
        public String word() {
            return word;
        }
    }
}
