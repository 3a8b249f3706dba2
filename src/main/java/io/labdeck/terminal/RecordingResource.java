package io.labdeck.terminal;

import java.nio.file.Files;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.labdeck.platform.ApiError;

/** A session's terminal recording (asciicast v2), for its owner. */
@jakarta.ws.rs.Path("/api/sessions/{id}/recording")
public class RecordingResource {

    private final TerminalService terminals;
    private final TerminalAccess access;

    public RecordingResource(TerminalService terminals, TerminalAccess access) {
        this.terminals = terminals;
        this.access = access;
    }

    @GET
    public Response recording(@PathParam("id") String id, @CookieParam("labdeck_owner") String cookie) {
        if (!access.owns(id, cookie)) {
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
