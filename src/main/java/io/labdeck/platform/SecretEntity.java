package io.labdeck.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored platform secret; only {@link PlatformSecret} touches it. */
@Entity
@Table(name = "platform_secret")
class SecretEntity {

    @Id
    String name;
    String secret;
}
