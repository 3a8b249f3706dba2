package io.labdeck.terminal;

import java.nio.file.Files;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

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
            return Response.status(Response.Status.FORBIDDEN).type("application/json")
                    .entity("{\"error\":\"forbidden\",\"message\":\"This session belongs to another browser.\"}")
                    .build();
        }
        java.nio.file.Path file = terminals.recording(id);
        if (!Files.exists(file)) {
            return Response.status(Response.Status.NOT_FOUND).type("application/json")
                    .entity("{\"error\":\"no-recording\",\"message\":\"This session has no terminal recording yet.\"}")
                    .build();
        }
        return Response.ok(file.toFile(), "application/x-asciicast")
                .header("Content-Disposition", "attachment; filename=\"" + id + ".cast\"").build();
    }
}
