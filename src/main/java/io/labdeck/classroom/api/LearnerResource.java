package io.labdeck.classroom.api;

import io.labdeck.classroom.HelpRequest;
import io.labdeck.classroom.service.HelpService;
import io.labdeck.classroom.service.LearnerReset;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.lifecycle.OwnerTokens;
import io.labdeck.session.lifecycle.SessionService;
import io.labdeck.session.lifecycle.SessionView;
import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a class's learner (or their instructor) does to a session: reset its sandbox (the owner, or its class's
 * instructor), raise a hand (the owner), and lower it (the owner takes it back; the instructor answers it).
 */
@Path("/api/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerResource {

    private final LearnerReset resets;
    private final HelpService help;
    private final SessionService sessions;
    private final OwnerTokens owners;
    private final Callers callers;

    public LearnerResource(LearnerReset resets, HelpService help, SessionService sessions, OwnerTokens owners,
            Callers callers) {
        this.resets = resets;
        this.help = help;
        this.sessions = sessions;
        this.owners = owners;
        this.callers = callers;
    }

    /** The body of a raised hand: an optional short message. */
    public record HelpBody(String message) {
    }

    /** A raised hand as its learner sees it. */
    public record Hand(boolean raised, Long id, String stepId, String message, Instant raisedAt) {

        static Hand of(HelpRequest h) {
            return new Hand(true, h.id(), h.stepId().orElse(null), h.message(), h.raisedAt());
        }
    }

    /** A fresh sandbox, progress kept; answers the session as {@code GET /api/sessions/{id}} does. */
    @POST
    @Path("/reset")
    public SessionView reset(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return sessions.view(resets.reset(id, owners.orNull(cookie), callers.instructorIfAny()));
    }

    /** Raises a hand: 201 when raised now, 200 when it was up already. */
    @POST
    @Path("/help")
    @Consumes(MediaType.WILDCARD)
    public Response raise(@PathParam("id") String id, HelpBody body, @CookieParam(OwnerToken.COOKIE) String cookie) {
        HelpService.Raised r = help.raise(id, owners.orNull(cookie), body == null ? null : body.message());
        return Response.status(r.raised() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Hand.of(r.request())).build();
    }

    /** The owner's raised hand, or {@code {raised: false}}. */
    @GET
    @Path("/help")
    public Hand current(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return help.current(id, owners.orNull(cookie)).map(Hand::of)
                .orElse(new Hand(false, null, null, null, null));
    }

    /** Lowers the hand (answered by the instructor, or taken back by the learner); 204 whether or not it was up. */
    @DELETE
    @Path("/help")
    public Response lower(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        help.lower(id, owners.orNull(cookie), callers.instructorIfAny());
        return Response.noContent().build();
    }
}
