package io.labdeck.classroom.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to {@link EventEntity}. */
@ApplicationScoped
class EventRepository implements PanacheRepositoryBase<EventEntity, Long> {
}
