package io.labdeck.files.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.labdeck.files.LengthRequiredException;
import io.labdeck.platform.ApiError;
import io.labdeck.sandbox.FileProblemException;

/** File errors as JSON: a path that leaves the working directory 400, too large 413, nothing there 404. */
public class FilesExceptionMappers {

    @ServerExceptionMapper
    public Response fileProblem(FileProblemException e) {
        return switch (e.kind()) {
            case INVALID_PATH -> error(Response.Status.BAD_REQUEST, "invalid-path", e.getMessage());
            case NOT_FOUND -> error(Response.Status.NOT_FOUND, "file-not-found", e.getMessage());
            case CONFLICT -> error(Response.Status.CONFLICT, "file-conflict", e.getMessage());
            case TOO_LARGE -> error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", e.getMessage());
            case INCOMPLETE -> error(Response.Status.BAD_REQUEST, "upload-incomplete", e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response lengthRequired(LengthRequiredException e) {
        return error(Response.Status.LENGTH_REQUIRED, "length-required", e.getMessage());
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message, null))
                .build();
    }
}
