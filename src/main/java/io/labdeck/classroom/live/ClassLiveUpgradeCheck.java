package io.labdeck.classroom.live;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.classroom.ClassForbiddenException;
import io.labdeck.classroom.ClassNotFoundException;
import io.labdeck.classroom.instructor.Instructors;
import io.labdeck.classroom.service.ClassAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The class's live socket opens only for its instructor (HTTP basic auth on the upgrade): 401 without credentials,
 * 403 for anyone else, 404 for a class that does not exist. Refused before any connection exists.
 */
@ApplicationScoped
public class ClassLiveUpgradeCheck implements HttpUpgradeCheck {

    private final ClassAccess access;

    public ClassLiveUpgradeCheck(ClassAccess access) {
        this.access = access;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals(ClassLiveSocket.class.getName());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String classId = context.pathParam("id");
        return context.securityIdentity().onItem().transformToUni(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401);
            }
            if (!identity.hasRole(Instructors.ROLE)) {
                return CheckResult.rejectUpgrade(403);
            }
            // The class lookup reads the database: off the event loop.
            return Uni.createFrom().item(() -> allowed(classId, identity))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    private static CheckResult verdict(int status) {
        return status == 0 ? CheckResult.permitUpgradeSync() : CheckResult.rejectUpgradeSync(status);
    }

    private CheckResult allowed(String classId, SecurityIdentity identity) {
        try {
            access.owned(classId, identity.getPrincipal().getName());
            return verdict(0);
        } catch (ClassNotFoundException e) {
            return verdict(404);
        } catch (ClassForbiddenException e) {
            return verdict(403);
        }
    }
}
