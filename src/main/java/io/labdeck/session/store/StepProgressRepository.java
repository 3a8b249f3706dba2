package io.labdeck.session.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to stored step progress. */
@ApplicationScoped
class StepProgressRepository implements PanacheRepositoryBase<StepProgressEntity, StepProgressEntity.Key> {
}
