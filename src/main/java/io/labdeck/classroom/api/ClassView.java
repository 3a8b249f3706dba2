package io.labdeck.classroom.api;

import io.labdeck.classroom.Classroom;
import java.time.Instant;

/**
 * A class as its instructor sees it (what {@code POST /api/classes} answers: the contract's {@code {id, joinCode}}
 * and more).
 *
 * @param joinCode  the code learners type
 * @param joinUrl   the link learners open (the join page is the web part's)
 * @param qrUrl     an SVG QR code of the join link, for the projector
 * @param state     scheduled, open or closed
 * @param seats     the seat limit, or null for none
 */
public record ClassView(String id, String joinCode, String joinUrl, String qrUrl, String name, String labId,
        String lang, String state, Integer seats, Instant startsAt, Instant endsAt, Instant closedAt,
        Instant createdAt, String instructor) {

    static ClassView of(Classroom c, String base, Instant now) {
        return new ClassView(c.id(), c.joinCode(), joinUrl(c, base), "/api/classes/" + c.id() + "/qr.svg", c.name(),
                c.labId(), c.lang(), c.state(now).word(), c.seats().orElse(null), c.startsAt().orElse(null),
                c.endsAt().orElse(null), c.closedAt().orElse(null), c.createdAt(), c.instructor());
    }

    static String joinUrl(Classroom c, String base) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/join/" + c.joinCode();
    }
}
