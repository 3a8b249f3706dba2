package io.labdeck.terminal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.platform.HttpConfig;
import io.labdeck.platform.OriginPolicy;
import io.labdeck.sandbox.SandboxRef;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Refuses the terminal's websocket upgrade with 403 before any connection exists: without the session's owner
 * cookie, or from a page of another origin (a browser would send the learner's cookie along from anywhere).
 */
@ApplicationScoped
public class TerminalUpgradeCheck implements HttpUpgradeCheck {

    /** The authorised sandbox, handed to {@link TerminalSocket#open}. */
    static final UserData.TypedKey<SandboxRef> SANDBOX = new UserData.TypedKey<>("labdeck.sandbox");
    /** The instructor who watches, when the class let one in (HTTP basic auth on the upgrade). */
    static final UserData.TypedKey<String> INSTRUCTOR = new UserData.TypedKey<>("labdeck.instructor");

    private final TerminalAccess access;
    private final InstructorWatch instructors;
    private final TerminalConfig config;
    private final HttpConfig http;

    public TerminalUpgradeCheck(TerminalAccess access, InstructorWatch instructors, TerminalConfig config,
            HttpConfig http) {
        this.access = access;
        this.instructors = instructors;
        this.config = config;
        this.http = http;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals(TerminalSocket.class.getName());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        if (!originAllowed(request.getHeader("Origin"), request.authority() == null ? null
                : request.authority().toString())) {
            return CheckResult.rejectUpgrade(403);
        }
        String sessionId = context.pathParam("id");
        String cookie = ownerCookie(request.getHeader("Cookie"));
        boolean watch = watching(request.query());
        // The session lookup reads the database: off the event loop.
        return Uni.createFrom().item(() -> access.authorize(sessionId, cookie, watch))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(sandbox -> {
                    if (sandbox.isPresent()) {
                        context.userData().put(SANDBOX, sandbox.get());
                        return CheckResult.permitUpgrade();
                    }
                    return watch ? instructorWatch(context, sessionId) : CheckResult.rejectUpgrade(403);
                });
    }

    /** An instructor of the session's class may watch (HTTP basic auth on the upgrade); wrong credentials get 401. */
    private Uni<CheckResult> instructorWatch(HttpUpgradeContext context, String sessionId) {
        return context.securityIdentity().flatMap(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(403);
            }
            String name = identity.getPrincipal().getName();
            return Uni.createFrom().item(() -> instructors.teaches(name, sessionId) ? access.sandboxOf(sessionId)
                    : Optional.<SandboxRef>empty()).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .map(sandbox -> {
                        if (sandbox.isEmpty()) {
                            return CheckResult.rejectUpgradeSync(403);
                        }
                        context.userData().put(SANDBOX, sandbox.get());
                        context.userData().put(INSTRUCTOR, name);
                        return CheckResult.permitUpgradeSync();
                    });
        }).onFailure().recoverWithUni(failure -> CheckResult.rejectUpgrade(401));
    }

    /** Same origin as the server, or configured ({@code labdeck.http.allowed-origins} or the terminal's own). */
    boolean originAllowed(String origin, String authority) {
        List<String> allowed = new java.util.ArrayList<>(config.allowedOrigins().orElse(List.of()));
        allowed.addAll(http.allowedOrigins().orElse(List.of()));
        return OriginPolicy.allowed(origin, authority, allowed);
    }

    static boolean watching(String query) {
        return query != null && Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true"));
    }

    static String ownerCookie(String header) {
        if (header == null) {
            return null;
        }
        return Arrays.stream(header.split(";")).map(String::strip)
                .filter(c -> c.startsWith("labdeck_owner=")).map(c -> c.substring("labdeck_owner=".length()))
                .findFirst().orElse(null);
    }

    static Optional<SandboxRef> authorised(io.quarkus.websockets.next.WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(SANDBOX));
    }

    /** The instructor who watches through this connection, if one does. */
    static Optional<String> instructor(io.quarkus.websockets.next.WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(INSTRUCTOR));
    }
}
