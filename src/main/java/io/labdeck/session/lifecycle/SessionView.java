package io.labdeck.session.lifecycle;

import io.labdeck.lab.Placeholders;
import io.labdeck.session.StepProgress;
import io.labdeck.session.StepStatus;
import io.labdeck.session.progress.StepGate;
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
 * @param completed   whether every step with a check has passed
 */
public record SessionView(String id, String labId, String lang, String status, Instant expiresAt,
        String terminalUrl, List<StepView> steps, boolean completed) {

    /**
     * A step's status in a session.
     *
     * @param id         the step
     * @param status     pending, passed, failed or blocked
     * @param checkedAt  when it was last checked
     * @param hasCheck   whether it has a check at all
     * @param message    what its latest check printed
     * @param hint       its hint in the session's language, while it has failed
     * @param waitingFor the steps that must pass before it opens
     * @param setupError why its setup failed, until a retry succeeds
     */
    public record StepView(String id, String status, Instant checkedAt, boolean hasCheck, String message, String hint,
            List<String> waitingFor, String setupError) {

        /** The step as the gate has it, its hint (while it has failed) in the language, placeholders filled. */
        public static StepView of(StepGate.Gate g, String lang, Placeholders fill) {
            StepProgress p = g.progress();
            String hint = g.status() == StepStatus.FAILED
                    ? g.step().check().flatMap(c -> c.hint(lang)).map(fill::apply).orElse(null) : null;
            return new StepView(g.step().id(), g.status().word(), p.checkedAt().orElse(null), g.step().hasCheck(),
                    p.message(), hint, g.waitingFor(), p.setupError().orElse(null));
        }
    }
}
