package io.labdeck.lab;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Unknown labs and languages become 404s whose JSON says what exists instead. */
public class LabExceptionMappers {

    /** The JSON error body. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ApiError(String error, String message, java.util.List<String> available) {
    }

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
