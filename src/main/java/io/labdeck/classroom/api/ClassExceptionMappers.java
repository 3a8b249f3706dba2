package io.labdeck.classroom.api;

import io.labdeck.classroom.ClassForbiddenException;
import io.labdeck.classroom.ClassNotFoundException;
import io.labdeck.classroom.ClassUnavailableException;
import io.labdeck.classroom.InstructorExistsException;
import io.labdeck.classroom.NotInClassException;
import io.labdeck.classroom.NotSignedInException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.labdeck.platform.ApiError;

/** Class errors as clear HTTP errors, in the JSON of every API error ({@link ApiError}). */
public class ClassExceptionMappers {

    @ServerExceptionMapper
    public Response notSignedIn(NotSignedInException e) {
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, "not-signed-in", e.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Labdeck\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ClassForbiddenException e) {
        return error(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(ClassNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "class-not-found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(ClassUnavailableException e) {
        return error(Response.Status.CONFLICT, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response exists(InstructorExistsException e) {
        return error(Response.Status.CONFLICT, "instructor-exists", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notInClass(NotInClassException e) {
        return error(Response.Status.CONFLICT, "not-in-class", e.getMessage());
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message)).build();
    }
}
