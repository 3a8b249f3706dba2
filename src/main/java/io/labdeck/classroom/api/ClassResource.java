package io.labdeck.classroom.api;

import io.labdeck.classroom.ClassroomConfig;
import io.labdeck.classroom.service.ClassProgress;
import io.labdeck.classroom.service.ClassService;
import io.labdeck.classroom.service.QrCodes;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The instructor's class routes: create and list classes, read one, its QR code, its grid (JSON and CSV) and its
 * events, and close it. Every route needs an instructor (401 without credentials, 403 for learners) and, for one
 * class, the instructor who made it (403 for another). Extensions live in {@link ClassSessionsResource}, the join
 * in {@link JoinResource}.
 */
@Path("/api/classes")
@Produces(MediaType.APPLICATION_JSON)
public class ClassResource {

    private final ClassService classes;
    private final ClassProgress progress;
    private final Callers callers;
    private final ClassroomConfig config;
    private final Clock clock;

    public ClassResource(ClassService classes, ClassProgress progress, Callers callers, ClassroomConfig config,
            Clock clock) {
        this.classes = classes;
        this.progress = progress;
        this.callers = callers;
        this.config = config;
        this.clock = clock;
    }

    /** The body of a create: the contract's {@code {name, labId, lang}}, and optionally times and a seat limit. */
    public record CreateRequest(String name, String labId, String lang, Instant startsAt, Instant endsAt,
            Integer seats) {
    }

    /** The body of a close: when its sessions end (now when absent). */
    public record CloseRequest(Instant at) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateRequest body, @CookieParam(OwnerToken.COOKIE) String cookie,
            @Context UriInfo uri) {
        String instructor = callers.instructor(cookie);
        if (body == null || isBlank(body.labId()) || isBlank(body.lang())) {
            throw new InvalidRequestException("Send {\"name\": \"...\", \"labId\": \"...\", \"lang\": \"...\"}, and"
                    + " optionally startsAt, endsAt (ISO-8601 instants) and seats.");
        }
        var c = classes.create(instructor, new ClassService.NewClass(body.name(), body.labId(), body.lang(),
                Optional.ofNullable(body.startsAt()), Optional.ofNullable(body.endsAt()),
                Optional.ofNullable(body.seats())));
        return Response.created(URI.create("/api/classes/" + c.id())).entity(ClassView.of(c, base(uri),
                clock.instant())).build();
    }

    @GET
    public List<ClassView> mine(@CookieParam(OwnerToken.COOKIE) String cookie, @Context UriInfo uri) {
        Instant now = clock.instant();
        return classes.mine(callers.instructor(cookie)).stream().map(c -> ClassView.of(c, base(uri), now)).toList();
    }

    @GET
    @Path("/{id}")
    public ClassView get(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie,
            @Context UriInfo uri) {
        return ClassView.of(classes.get(id, callers.instructor(cookie)), base(uri), clock.instant());
    }

    /** The join link as an SVG QR code, for the projector. */
    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    public String qr(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie,
            @Context UriInfo uri) {
        return QrCodes.svg(ClassView.joinUrl(classes.get(id, callers.instructor(cookie)), base(uri)));
    }

    @GET
    @Path("/{id}/progress")
    public ClassProgress.Grid progress(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return progress.grid(id, callers.instructor(cookie));
    }

    @GET
    @Path("/{id}/progress.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return Response.ok(progress.csv(id, callers.instructor(cookie)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"class-" + id + ".csv\"").build();
    }

    /** The class's event envelopes after the one numbered {@code after}, oldest first. */
    @GET
    @Path("/{id}/events")
    public List<Map<String, Object>> events(@PathParam("id") String id, @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit, @CookieParam(OwnerToken.COOKIE) String cookie) {
        int n = limit == null ? 500 : Math.max(1, Math.min(limit, 5000));
        return classes.events(id, callers.instructor(cookie), after == null ? 0 : after, n).stream()
                .map(e -> {
                    Map<String, Object> envelope = e.envelope();
                    envelope.put("id", e.id());
                    return envelope;
                }).toList();
    }

    @POST
    @Path("/{id}/close")
    public ClassView close(@PathParam("id") String id, CloseRequest body,
            @CookieParam(OwnerToken.COOKIE) String cookie, @Context UriInfo uri) {
        return ClassView.of(classes.close(id, callers.instructor(cookie), Optional.ofNullable(body)
                .map(CloseRequest::at)), base(uri), clock.instant());
    }

    private String base(UriInfo uri) {
        return config.publicUrl().orElse(uri.getBaseUri().toString());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
