package io.labdeck.classroom.api;

import io.labdeck.classroom.service.ClassService;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The instructor extends a class's sessions: everyone at once, or one learner. */
@Path("/api/classes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ClassSessionsResource {

    private static final int MAX_MINUTES = 240;

    private final ClassService classes;
    private final Callers callers;
    private final SessionConfig sessions;

    public ClassSessionsResource(ClassService classes, Callers callers, SessionConfig sessions) {
        this.classes = classes;
        this.callers = callers;
        this.sessions = sessions;
    }

    /** The body of an extension: minutes to add (the learner's own Extend's when absent). */
    public record ExtendRequest(Integer minutes) {
    }

    /** What extending everyone answers: each live session's new expiry, or why it stayed. */
    public record Extended(List<ClassService.Extension> sessions) {
    }

    @POST
    @Path("/extend")
    public Extended extendAll(@PathParam("id") String id, ExtendRequest body,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        String instructor = callers.instructor(cookie);
        return new Extended(classes.extendAll(id, instructor, minutes(body)));
    }

    @POST
    @Path("/sessions/{sessionId}/extend")
    public ClassService.Extension extendOne(@PathParam("id") String id, @PathParam("sessionId") String sessionId,
            ExtendRequest body, @CookieParam(OwnerToken.COOKIE) String cookie) {
        String instructor = callers.instructor(cookie);
        return classes.extendOne(id, sessionId, instructor, minutes(body));
    }

    private Duration minutes(ExtendRequest body) {
        if (body == null || body.minutes() == null) {
            return sessions.extension();
        }
        if (body.minutes() < 1 || body.minutes() > MAX_MINUTES) {
            throw new InvalidRequestException("minutes is from 1 to " + MAX_MINUTES + ".");
        }
        return Duration.ofMinutes(body.minutes());
    }
}
