package io.labdeck.session.api;

import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.SessionNotFoundException;
import io.labdeck.session.lifecycle.OwnerTokens;
import io.labdeck.session.lifecycle.SessionService;
import io.labdeck.session.lifecycle.SessionTime;
import io.labdeck.session.lifecycle.SessionView;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

/**
 * Sessions per the contract. The owner cookie authorises every call; a browser without one gets it with its first
 * session. Errors are mapped by {@link SessionExceptionMappers}.
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final SessionTime time;
    private final SessionConfig config;
    private final OwnerTokens owners;

    public SessionResource(SessionService sessions, SessionTime time, SessionConfig config, OwnerTokens owners) {
        this.sessions = sessions;
        this.time = time;
        this.config = config;
        this.owners = owners;
    }

    /** The body of a start request. */
    public record StartRequest(String labId, String lang) {
    }

    /** What a start answers. */
    public record Started(String id, String labId, String lang, String status, Instant expiresAt,
            String terminalUrl) {
    }

    /** What an extension answers. */
    public record Extended(Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRequest body, @CookieParam(OwnerToken.COOKIE) String cookie,
            @Context HttpServerRequest request) {
        if (body == null || isBlank(body.labId()) || isBlank(body.lang())) {
            throw new InvalidRequestException("Send {\"labId\": \"...\", \"lang\": \"...\"}.");
        }
        // A cookie Labdeck did not issue is not adopted: the browser gets a token of its own instead.
        OwnerToken owner = owners.recognise(cookie).orElseGet(owners::issue);
        SessionView view = sessions.view(sessions.start(body.labId(), body.lang(), owner,
                request.remoteAddress().hostAddress()));
        return Response.created(URI.create("/api/sessions/" + view.id()))
                .entity(new Started(view.id(), view.labId(), view.lang(), view.status(), view.expiresAt(),
                        view.terminalUrl()))
                .cookie(OwnerCookies.of(owner, request, config)).build();
    }

    /** This browser's live sessions (an extension of the contract: the lab page finds its session with it). */
    @GET
    public List<SessionView> mine(@CookieParam(OwnerToken.COOKIE) String cookie) {
        return owners.recognise(cookie).map(o -> sessions.liveOwnedBy(o).stream().map(sessions::view).toList())
                .orElse(List.of());
    }

    /**
     * This browser's most recent session of a lab in a language, live or ended (an extension of the contract: a
     * learner who comes back after expiry sees their earlier progress). 404 when there is none.
     */
    @GET
    @Path("/latest")
    public SessionView latest(@QueryParam("labId") String labId, @QueryParam("lang") String lang,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        if (isBlank(labId) || isBlank(lang)) {
            throw new InvalidRequestException("Give ?labId=...&lang=...");
        }
        return sessions.latest(owner(cookie), labId, lang).map(sessions::view).orElseThrow(
                () -> new SessionNotFoundException("This browser has no session of '" + labId + "' in " + lang + "."));
    }

    @GET
    @Path("/{id}")
    public SessionView get(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return sessions.view(sessions.get(id, owner(cookie)));
    }

    @POST
    @Path("/{id}/extend")
    public Extended extend(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return new Extended(time.extend(id, owner(cookie)).expiresAt());
    }

    @DELETE
    @Path("/{id}")
    public Response end(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        sessions.end(id, owner(cookie));
        return Response.noContent().build();
    }

    private OwnerToken owner(String cookie) {
        return owners.orNull(cookie);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
