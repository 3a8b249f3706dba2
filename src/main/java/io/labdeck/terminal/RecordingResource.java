package io.labdeck.terminal;

import java.nio.file.Files;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.labdeck.platform.ApiError;
import io.quarkus.security.identity.SecurityIdentity;

/** A session's terminal recording (asciicast v2), for its owner and for the instructor of its class. */
@jakarta.ws.rs.Path("/api/sessions/{id}/recording")
public class RecordingResource {

    private final TerminalService terminals;
    private final TerminalAccess access;
    private final InstructorWatch instructors;
    private final SecurityIdentity identity;

    public RecordingResource(TerminalService terminals, TerminalAccess access, InstructorWatch instructors,
            SecurityIdentity identity) {
        this.terminals = terminals;
        this.access = access;
        this.instructors = instructors;
        this.identity = identity;
    }

    @GET
    public Response recording(@PathParam("id") String id, @CookieParam("labdeck_owner") String cookie) {
        boolean instructor = !identity.isAnonymous() && instructors.teaches(identity.getPrincipal().getName(), id);
        if (!instructor && !access.owns(id, cookie)) {
            return error(Response.Status.FORBIDDEN, "forbidden", "This session belongs to another browser.");
        }
        java.nio.file.Path file = terminals.recording(id);
        if (!Files.exists(file)) {
            return error(Response.Status.NOT_FOUND, "no-recording", "This session has no terminal recording yet.");
        }
        return Response.ok(file.toFile(), "application/x-asciicast")
                .header("Content-Disposition", "attachment; filename=\"" + id + ".cast\"").build();
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message, null))
                .build();
    }
}
