package io.labdeck.session.api;

import io.labdeck.session.OwnerToken;
import io.labdeck.session.StoredCheck;
import io.labdeck.session.lifecycle.OwnerTokens;
import io.labdeck.session.lifecycle.StepService;
import io.labdeck.session.progress.CheckOutcome;
import java.util.List;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The steps of a session: checks (contract), and setup retries, history and authoring's solve (extensions). */
@Path("/api/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class StepResource {

    private final StepService steps;
    private final OwnerTokens owners;

    public StepResource(StepService steps, OwnerTokens owners) {
        this.steps = steps;
        this.owners = owners;
    }

    /** What a setup retry answers. */
    public record SetupResult(boolean ok, String message) {
    }

    @POST
    @Path("/steps/{stepId}/check")
    public CheckOutcome check(@PathParam("id") String id, @PathParam("stepId") String stepId,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        return steps.check(id, stepId, owners.orNull(cookie));
    }

    @POST
    @Path("/steps/{stepId}/solve")
    public CheckOutcome solve(@PathParam("id") String id, @PathParam("stepId") String stepId,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        return steps.solve(id, stepId, owners.orNull(cookie));
    }

    @POST
    @Path("/steps/{stepId}/setup")
    public SetupResult setup(@PathParam("id") String id, @PathParam("stepId") String stepId,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        var result = steps.retrySetup(id, stepId, owners.orNull(cookie));
        return new SetupResult(result.succeeded(), result.message());
    }

    @GET
    @Path("/checks")
    public List<StoredCheck> history(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return steps.history(id, owners.orNull(cookie));
    }
}
