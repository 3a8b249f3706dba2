package io.labdeck.session.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to stored sessions. */
@ApplicationScoped
class SessionRepository implements PanacheRepositoryBase<SessionEntity, String> {
}
