package io.labdeck.classroom.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Panache access to {@link ClassEntity}. */
@ApplicationScoped
class ClassRepository implements PanacheRepositoryBase<ClassEntity, String> {
}
