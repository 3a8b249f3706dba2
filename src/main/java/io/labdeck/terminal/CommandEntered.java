package io.labdeck.terminal;

/**
 * CDI event: the owner of a session's terminal pressed Enter, so a command probably ran. The auto-checker listens;
 * observers must return at once, for this fires on the socket's thread.
 *
 * @param sessionId the session
 */
public record CommandEntered(String sessionId) {
}
