package io.labdeck.classroom.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to {@link SeatEntity}. */
@ApplicationScoped
class SeatRepository implements PanacheRepositoryBase<SeatEntity, String> {
}
