package io.labdeck.classroom.api;

import io.labdeck.classroom.instructor.Instructors;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Instructors add instructors ({@code ./labdeck instructor add NAME} calls this), and see who is signed in. */
@Path("/api/instructors")
@Produces(MediaType.APPLICATION_JSON)
public class InstructorResource {

    private final Instructors instructors;
    private final Callers callers;

    public InstructorResource(Instructors instructors, Callers callers) {
        this.instructors = instructors;
        this.callers = callers;
    }

    /** The body of an addition. */
    public record NewInstructor(String username, String password) {
    }

    /** An instructor, as listed (never their password). */
    public record InstructorView(String username) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewInstructor body, @CookieParam(OwnerToken.COOKIE) String cookie) {
        callers.instructor(cookie);
        if (body == null) {
            throw new InvalidRequestException("Send {\"username\": \"...\", \"password\": \"...\"}.");
        }
        instructors.add(body.username(), body.password());
        return Response.created(URI.create("/api/instructors/" + body.username()))
                .entity(new InstructorView(body.username())).build();
    }

    @GET
    public List<InstructorView> list(@CookieParam(OwnerToken.COOKIE) String cookie) {
        callers.instructor(cookie);
        return instructors.names().stream().map(InstructorView::new).toList();
    }

    /** Who the credentials are: a dashboard's sign-in check. */
    @GET
    @Path("/me")
    public InstructorView me(@CookieParam(OwnerToken.COOKIE) String cookie) {
        return new InstructorView(callers.instructor(cookie));
    }
}
