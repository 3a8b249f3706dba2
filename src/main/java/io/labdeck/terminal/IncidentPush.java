package io.labdeck.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.labdeck.sandbox.SandboxIncident;

/** Tells every tab of a session's terminal what happened to its sandbox, so its page can say it in its language. */
@ApplicationScoped
class IncidentPush {

    private final TerminalService terminals;

    IncidentPush(TerminalService terminals) {
        this.terminals = terminals;
    }

    void onIncident(@ObservesAsync SandboxIncident incident) {
        terminals.push(incident.sessionId(), new ControlMessage.Incident(incident.kind().word()));
    }
}
