package io.cloudconnector.spi;

import io.cloudconnector.Secret;
import java.time.Instant;
import org.immutables.value.Value;

/** A client secret just added to an Entra application: its key ID, its value (here once) and its expiry. */
@Value.Immutable
public interface CreatedClientSecret {

    /** The credential's {@code keyId}. */
    @Value.Parameter
    String keyId();

    /** The secret's value ({@code secretText}); prints masked. */
    @Value.Parameter
    @Value.Redacted
    Secret value();

    /** When the secret expires ({@code endDateTime}). */
    @Value.Parameter
    Instant expiresAt();

    static CreatedClientSecret of(String keyId, Secret value, Instant expiresAt) {
        return ImmutableCreatedClientSecret.of(keyId, value, expiresAt);
    }
}
