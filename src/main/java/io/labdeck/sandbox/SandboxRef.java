package io.labdeck.sandbox;

/**
 * How to find a sandbox again, also after a server restart (it is stored with the session).
 *
 * @param sessionId the owning session
 * @param id        the backend's id for it (a container id for Docker)
 */
public record SandboxRef(String sessionId, String id) {
}
