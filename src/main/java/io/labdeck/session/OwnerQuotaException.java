package io.labdeck.session;

import java.util.List;

/** The browser already holds as many live sessions as it may (of this lab, or in all). */
public class OwnerQuotaException extends RuntimeException {

    private final List<String> live;

    public OwnerQuotaException(String message, List<String> live) {
        super(message, null, false, false);
        this.live = List.copyOf(live);
    }

    /** The owner's live sessions that count against the quota. */
    public List<String> live() {
        return live;
    }
}
