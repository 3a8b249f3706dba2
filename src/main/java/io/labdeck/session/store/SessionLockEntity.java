package io.labdeck.session.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code platform_lock}; locking it serialises session starts across servers ({@link SessionStore}). */
@Entity
@Table(name = "platform_lock")
class SessionLockEntity {

    static final String SESSIONS = "sessions";

    @Id
    String name;
}
