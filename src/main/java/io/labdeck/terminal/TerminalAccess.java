package io.labdeck.terminal;

import java.util.Optional;

import io.labdeck.sandbox.SandboxRef;

/**
 * What the terminal needs to know about sessions, implemented by the session package (which sits above this one).
 */
public interface TerminalAccess {

    /**
     * The sandbox of a live session that the caller may attach to, or empty.
     *
     * @param sessionId   the session in the URL
     * @param ownerCookie the caller's owner cookie, if any
     * @param watch       whether the caller only watches
     */
    Optional<SandboxRef> authorize(String sessionId, String ownerCookie, boolean watch);

    /** The sandbox of a live session, whoever asks: for an instructor the classroom has let in. */
    Optional<SandboxRef> sandboxOf(String sessionId);

    /** Whether the caller owns the session (for its recording). */
    boolean owns(String sessionId, String ownerCookie);

    /** A viewer is attached or typing: the session is in use. */
    void activity(String sessionId);

    /** Whether the session is still live (its sandbox ready), looked up now: a terminal opens only for such. */
    boolean live(String sessionId);
}
