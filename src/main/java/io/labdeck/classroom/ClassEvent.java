package io.labdeck.classroom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CDI event (fired asynchronously, after it is stored): one thing that happened in a session or a class, in the
 * envelope that is stored, counted, and later pushed to dashboards and webhooks. The session-level ones are also
 * recorded for sessions in no class.
 *
 * @param id        its number in the event log (0 before it is stored)
 * @param event     its name: session.started, session.ended, session.extended, session.reset, step.passed,
 *                  step.failed, class.created, class.joined, class.closed, help.requested or help.answered
 * @param timestamp when it happened
 * @param classId   the class, if the session is in one
 * @param sessionId the session, if it is about one
 * @param labId     the lab
 * @param stepId    the step, if it is about one
 * @param data      details (strings, numbers, booleans)
 */
public record ClassEvent(long id, String event, Instant timestamp, Optional<String> classId,
        Optional<String> sessionId, Optional<String> labId, Optional<String> stepId, Map<String, Object> data) {

    public ClassEvent withId(long newId) {
        return new ClassEvent(newId, event, timestamp, classId, sessionId, labId, stepId, data);
    }

    /** The JSON envelope: {@code {event, timestamp, class, session, lab, step, data}}, absent parts null. */
    public Map<String, Object> envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("timestamp", timestamp.toString());
        envelope.put("class", classId.orElse(null));
        envelope.put("session", sessionId.orElse(null));
        envelope.put("lab", labId.orElse(null));
        envelope.put("step", stepId.orElse(null));
        envelope.put("data", data);
        return envelope;
    }
}
