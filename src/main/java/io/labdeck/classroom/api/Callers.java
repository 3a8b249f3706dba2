package io.labdeck.classroom.api;

import io.labdeck.classroom.ClassForbiddenException;
import io.labdeck.classroom.NotSignedInException;
import io.labdeck.classroom.instructor.Instructors;
import io.labdeck.session.lifecycle.OwnerTokens;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who calls: an instructor (HTTP basic auth, checked only where a route asks, as authentication is not proactive),
 * a learner (a recognised owner cookie), or nobody. Instructor routes answer 401 to nobody and 403 to learners.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final OwnerTokens owners;

    public Callers(SecurityIdentity identity, OwnerTokens owners) {
        this.identity = identity;
        this.owners = owners;
    }

    /**
     * The signed-in instructor's name.
     *
     * @throws NotSignedInException    when the caller gave no credentials and is no learner
     * @throws ClassForbiddenException when the caller is a learner, or signed in without the instructor role
     */
    public String instructor(String ownerCookie) {
        Optional<String> name = instructorIfAny();
        if (name.isPresent()) {
            return name.get();
        }
        if (!identity.isAnonymous()) {
            throw new ClassForbiddenException("'" + identity.getPrincipal().getName() + "' is not an instructor.");
        }
        if (owners.recognise(ownerCookie).isPresent()) {
            throw new ClassForbiddenException("Only instructors may do this; learners need no account, but this is"
                    + " an instructor's route.");
        }
        throw new NotSignedInException("Sign in as an instructor (HTTP basic auth).");
    }

    /** The signed-in instructor's name, if the caller gave an instructor's credentials (wrong ones give 401). */
    public Optional<String> instructorIfAny() {
        return identity.isAnonymous() || !identity.hasRole(Instructors.ROLE) ? Optional.empty()
                : Optional.of(identity.getPrincipal().getName());
    }
}
