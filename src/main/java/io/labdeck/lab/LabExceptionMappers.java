package io.labdeck.lab;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.labdeck.platform.ApiError;

/** Unknown labs and languages become 404s whose JSON says what exists instead. */
public class LabExceptionMappers {

    @ServerExceptionMapper
    public Response labNotFound(LabNotFoundException e) {
        return notFound(new ApiError("lab-not-found", e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response languageNotFound(LanguageNotFoundException e) {
        return notFound(new ApiError("language-not-found", e.getMessage(), e.available()));
    }

    private static Response notFound(ApiError error) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
