package io.labdeck.classroom.api;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.labdeck.classroom.service.Broadcasts;
import io.labdeck.classroom.service.ClassAccess;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;

/** {@code POST /api/classes/{id}/broadcast {text}}: the instructor's short message to every learner of the class. */
@Path("/api/classes/{id}/broadcast")
@Produces(MediaType.APPLICATION_JSON)
public class ClassBroadcastResource {

    private final Broadcasts broadcasts;
    private final ClassAccess access;
    private final Callers callers;

    public ClassBroadcastResource(Broadcasts broadcasts, ClassAccess access, Callers callers) {
        this.broadcasts = broadcasts;
        this.access = access;
        this.callers = callers;
    }

    /** The body: the message. */
    public record BroadcastRequest(String text) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> send(@PathParam("id") String id, BroadcastRequest body,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        var c = access.owned(id, callers.instructor(cookie));
        if (body == null) {
            throw new InvalidRequestException("Send {\"text\": \"...\"}.");
        }
        return Map.of("sent", true, "terminals", broadcasts.send(c, body.text()));
    }
}
