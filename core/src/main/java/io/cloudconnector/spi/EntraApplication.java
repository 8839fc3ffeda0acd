package io.cloudconnector.spi;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/** A Microsoft Entra application registration, as Microsoft Graph reports it. */
@Value.Immutable
public interface EntraApplication {

    /** The application object's ID ({@code id}), used to add secrets. */
    String objectId();

    /** The application (client) ID ({@code appId}). */
    String appId();

    String displayName();

    /** When each of the application's client secrets ({@code passwordCredentials}) expires. */
    List<Instant> secretExpiries();

    static ImmutableEntraApplication.Builder builder() {
        return ImmutableEntraApplication.builder();
    }
}
