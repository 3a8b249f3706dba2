package io.labdeck.classroom.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/**
 * An instructor as Quarkus' JPA identity provider reads it for HTTP basic auth: the password is a bcrypt hash
 * (modular crypt format). Public, unlike the other entities: the provider that Quarkus generates reads its fields.
 * Only {@link InstructorStore} writes it.
 */
@Entity
@Table(name = "instructor")
@UserDefinition
public class InstructorEntity {

    @Id
    @Username
    public String username;
    @Password
    @Column(name = "password_hash")
    public String password;
    @Roles
    public String roles;
    @Column(name = "created_at")
    public Instant createdAt;
}
