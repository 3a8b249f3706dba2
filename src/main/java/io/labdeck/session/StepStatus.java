package io.labdeck.session;

import java.util.Locale;

/** A step's status for one session. */
public enum StepStatus {
    PENDING, PASSED, FAILED, BLOCKED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
