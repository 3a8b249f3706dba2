package io.labdeck.session;

import java.time.Instant;
import java.util.List;

/**
 * A session as its owner sees it.
 *
 * @param id          the session id
 * @param labId       its lab
 * @param lang        its language
 * @param status      starting, ready, expired, ended or failed
 * @param expiresAt   when it ends unless extended
 * @param terminalUrl where its terminal websocket is
 * @param steps       every step of the lab with this session's status
 */
public record SessionView(String id, String labId, String lang, String status, Instant expiresAt,
        String terminalUrl, List<StepView> steps) {

    /** A step's status in a session. */
    public record StepView(String id, String status, Instant checkedAt) {
    }
}
