package io.labdeck.session.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.labdeck.terminal.ControlMessage;
import io.labdeck.terminal.TerminalService;

/**
 * Pushes each step status change to every viewer of the session's terminal, so the page turns it green itself. The
 * events arrive asynchronously and a push only queues: a slow page never holds up a check.
 */
@ApplicationScoped
public class ProgressPush {

    private final TerminalService terminals;

    public ProgressPush(TerminalService terminals) {
        this.terminals = terminals;
    }

    void onChecked(@ObservesAsync StepChecked e) {
        terminals.push(e.sessionId(), new ControlMessage.Check(e.stepId(), e.passed(), e.status().word(), e.message(),
                e.hint().orElse(null)));
    }

    void onSetUp(@ObservesAsync StepSetUp e) {
        terminals.push(e.sessionId(), new ControlMessage.Setup(e.stepId(), e.ok(), e.message()));
    }
}
