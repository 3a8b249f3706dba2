package io.labdeck.session.api;

import io.labdeck.session.AuthoringDisabledException;
import io.labdeck.session.ExtensionLimitException;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OutOfCapacityException;
import io.labdeck.session.OwnerQuotaException;
import io.labdeck.session.SessionForbiddenException;
import io.labdeck.session.SessionNotFoundException;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.StepBlockedException;
import io.labdeck.session.StepNotFoundException;
import io.labdeck.session.TooManyStartingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.labdeck.platform.ApiError;
import io.labdeck.sandbox.SandboxFailedException;

/** Session errors as clear HTTP errors with a JSON body saying what happened. */
public class SessionExceptionMappers {

    @ServerExceptionMapper
    public Response outOfCapacity(OutOfCapacityException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, "out-of-capacity", e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooManyStarting(TooManyStartingException e) {
        return Response.fromResponse(error(Response.Status.TOO_MANY_REQUESTS, "too-many-starting", e.getMessage()))
                .header("Retry-After", Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)).build();
    }

    /** The body of an owner-quota refusal: which live sessions count against it. */
    public record QuotaError(String error, String message, java.util.List<String> sessions) {
    }

    @ServerExceptionMapper
    public Response ownerQuota(OwnerQuotaException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new QuotaError("owner-quota", e.getMessage(), e.live())).build();
    }

    @ServerExceptionMapper
    public Response sandboxFailed(SandboxFailedException e) {
        return error(Response.Status.BAD_GATEWAY, "sandbox-failed", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(SessionNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "session-not-found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(SessionForbiddenException e) {
        return error(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ServerExceptionMapper
    public Response extensionLimit(ExtensionLimitException e) {
        return error(Response.Status.CONFLICT, "cannot-extend", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response stepNotFound(StepNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "step-not-found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response stepBlocked(StepBlockedException e) {
        return error(Response.Status.CONFLICT, "step-blocked", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notReady(SessionNotReadyException e) {
        return error(Response.Status.CONFLICT, "session-not-ready", e.getMessage());
    }

    @ServerExceptionMapper
    public Response authoringOff(AuthoringDisabledException e) {
        return error(Response.Status.NOT_FOUND, "authoring-disabled", e.getMessage());
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message, null))
                .build();
    }
}
