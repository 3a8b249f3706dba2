package io.labdeck.preview.ports;

/**
 * One port link, as {@code GET /api/sessions/{id}/ports} and the terminal websocket's {@code ports} message give it.
 *
 * @param port       the sandbox's port
 * @param url        where its preview is
 * @param answering  whether it answers (state {@code answering})
 * @param state      what the link says
 * @param reason     why, in short English words (empty when it answers plainly)
 * @param reasonCode the same as a stable code, for a page that says it in its own language: {@code open} (holds
 *                   a connection), {@code greets} (speaks first), {@code refused}, {@code timeout}, {@code closed}
 *                   (accepts and hangs up), {@code checking} (no probe has ended yet), {@code no-address},
 *                   {@code loopback-only}, {@code engine-only} or {@code not-listening}
 */
public record PortView(int port, String url, boolean answering, PortState state, String reason, String reasonCode) {
}
