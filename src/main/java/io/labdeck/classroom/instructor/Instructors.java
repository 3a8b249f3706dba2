package io.labdeck.classroom.instructor;

import io.labdeck.classroom.InstructorExistsException;
import io.labdeck.classroom.store.InstructorStore;
import io.labdeck.session.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Adds instructors. Passwords are kept only as bcrypt hashes, which HTTP basic auth checks them against. */
@ApplicationScoped
public class Instructors {

    /** The role that instructors' identities carry. */
    public static final String ROLE = "instructor";
    public static final int MIN_PASSWORD = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final InstructorStore store;
    private final Clock clock;
    private final io.labdeck.classroom.AdminConfig config;

    public Instructors(InstructorStore store, Clock clock, io.labdeck.classroom.AdminConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Adds an instructor.
     *
     * @throws InvalidRequestException    when the name or the password will not do
     * @throws InstructorExistsException when the name is taken
     */
    public void add(String username, String password) {
        validate(username, password);
        if (!store.add(username, BcryptUtil.bcryptHash(password, config.bcryptCost()), ROLE, clock.instant())) {
            throw new InstructorExistsException("An instructor named '" + username + "' exists already.");
        }
    }

    /** Adds the instructor, or gives the existing one this password (the first instructor, at each start). */
    public void put(String username, String password) {
        validate(username, password);
        store.put(username, BcryptUtil.bcryptHash(password, config.bcryptCost()), ROLE, clock.instant());
    }

    public List<String> names() {
        return store.names();
    }

    private static void validate(String username, String password) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new InvalidRequestException("An instructor's name is 1 to 64 letters, digits, '.', '_', '@' or"
                    + " '-', starting with a letter or digit.");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
            throw new InvalidRequestException("An instructor's password has " + MIN_PASSWORD + " to 72 characters.");
        }
    }
}
