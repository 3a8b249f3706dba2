package io.labdeck.sandbox;

/**
 * Something a sandbox owns, found by label.
 *
 * @param kind      container, network or volume
 * @param id        the backend's id or name
 * @param sessionId the session label it carries
 */
public record SandboxResource(Kind kind, String id, String sessionId) {

    public enum Kind { CONTAINER, NETWORK, VOLUME }
}
