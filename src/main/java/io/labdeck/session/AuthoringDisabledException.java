package io.labdeck.session;

/** An authoring call while authoring mode is off (404: to learners the route does not exist). */
public class AuthoringDisabledException extends RuntimeException {

    public AuthoringDisabledException() {
        super("Authoring mode is off; set labdeck.authoring.enabled=true on a server for lab authors.");
    }
}
