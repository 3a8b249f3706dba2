package io.labdeck.classroom.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to {@link HelpEntity}. */
@ApplicationScoped
class HelpRepository implements PanacheRepositoryBase<HelpEntity, Long> {
}
