package io.labdeck.session.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Panache access to the check history. */
@ApplicationScoped
class CheckResultRepository implements PanacheRepository<CheckResultEntity> {
}
