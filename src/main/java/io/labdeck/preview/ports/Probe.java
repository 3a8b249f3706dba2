package io.labdeck.preview.ports;

/**
 * What probing a port found.
 *
 * @param answering whether it answers
 * @param code      a stable code for why (see {@link PortView#reasonCode()})
 * @param reason    the same in short English words
 */
public record Probe(boolean answering, String code, String reason) {

    static Probe answers(String code, String reason) {
        return new Probe(true, code, reason);
    }

    static Probe fails(String code, String reason) {
        return new Probe(false, code, reason);
    }
}
