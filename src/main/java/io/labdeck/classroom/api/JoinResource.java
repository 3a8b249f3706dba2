package io.labdeck.classroom.api;

import io.labdeck.classroom.service.JoinService;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.api.OwnerCookies;
import io.labdeck.session.lifecycle.OwnerTokens;
import io.labdeck.session.lifecycle.SessionService;
import io.labdeck.session.lifecycle.SessionView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.vertx.core.http.HttpServerRequest;

/**
 * A learner joins a class: no account, a join code and a display name. It answers like {@code POST /api/sessions}
 * (201, the session, the owner cookie), for a new session and for the one this browser resumes alike.
 */
@Path("/api/classes/join")
@Produces(MediaType.APPLICATION_JSON)
public class JoinResource {

    private final JoinService joins;
    private final SessionService sessions;
    private final OwnerTokens owners;
    private final SessionConfig config;

    public JoinResource(JoinService joins, SessionService sessions, OwnerTokens owners, SessionConfig config) {
        this.joins = joins;
        this.sessions = sessions;
        this.owners = owners;
        this.config = config;
    }

    /** The body of a join; {@code lang} (optional) is the language the learner reads the lab in. */
    public record JoinRequest(String joinCode, String displayName, String lang) {
    }

    /** What the join page shows before a join: the class and the languages its lab has. */
    public record Door(String className, String labId, Map<String, String> labTitles, String lang,
            List<String> languages) {
    }

    /** What a join answers: the start's fields, and the class's. */
    public record Joined(String id, String labId, String lang, String status, Instant expiresAt, String terminalUrl,
            String classId, String className, String displayName, boolean resumed) {
    }

    /** The class behind a join code, for the join page's choice of language. Anyone with the code may look. */
    @GET
    @Path("/{code}")
    public Door door(@RestPath String code) {
        JoinService.Door door = joins.door(code);
        return new Door(door.classroom().name(), door.lab().id(), door.lab().titles(), door.classroom().lang(),
                door.lab().languages());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response join(JoinRequest body, @CookieParam(OwnerToken.COOKIE) String cookie,
            @Context HttpServerRequest request) {
        if (body == null || body.joinCode() == null || body.joinCode().isBlank()) {
            throw new InvalidRequestException("Send {\"joinCode\": \"...\", \"displayName\": \"...\"}.");
        }
        OwnerToken owner = owners.recognise(cookie).orElseGet(owners::issue);
        JoinService.Joined joined = joins.join(body.joinCode(), body.displayName(), Optional.ofNullable(body.lang()),
                owner,
                request.remoteAddress().hostAddress());
        SessionView view = sessions.view(joined.session());
        return Response.created(URI.create("/api/sessions/" + view.id()))
                .entity(new Joined(view.id(), view.labId(), view.lang(), view.status(), view.expiresAt(),
                        view.terminalUrl(), joined.classroom().id(), joined.classroom().name(),
                        body.displayName().strip(), joined.resumed()))
                .cookie(OwnerCookies.of(owner, request, config)).build();
    }
}
