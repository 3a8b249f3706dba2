package io.labdeck.classroom.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Instructors in the database: names, bcrypt hashes and roles. Hashing is the caller's. */
@ApplicationScoped
public class InstructorStore {

    private final EntityManager em;

    InstructorStore(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public boolean exists(String username) {
        return em.find(InstructorEntity.class, username) != null;
    }

    /** Adds an instructor; false when the name is taken. */
    @Transactional
    public boolean add(String username, String bcryptHash, String roles, Instant at) {
        if (em.find(InstructorEntity.class, username) != null) {
            return false;
        }
        InstructorEntity e = new InstructorEntity();
        e.username = username;
        e.password = bcryptHash;
        e.roles = roles;
        e.createdAt = at;
        em.persist(e);
        return true;
    }

    /** Adds the instructor, or gives an existing one this password hash and these roles. */
    @Transactional
    public void put(String username, String bcryptHash, String roles, Instant at) {
        InstructorEntity e = em.find(InstructorEntity.class, username);
        if (e == null) {
            add(username, bcryptHash, roles, at);
            return;
        }
        e.password = bcryptHash;
        e.roles = roles;
    }

    @Transactional
    public List<String> names() {
        return em.createQuery("select i.username from InstructorEntity i order by i.username", String.class)
                .getResultList();
    }
}
