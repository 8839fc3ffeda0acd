package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * The service principal {@link ConnectorClient#apply(ProvisioningPlan)} prepared for Azure Arc onboarding, with the
 * client secret it created: what {@link ArcSettings#servicePrincipalId()} and
 * {@link ArcSettings#servicePrincipalSecret()} need.
 *
 * <p>The secret is here once: Microsoft Entra ID never returns it again. It prints as {@value Secret#MASK} in
 * {@code toString()} and in every rendering of the result. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class ServicePrincipalCredentials {

    /** A builder; every value is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The application (client) ID the Arc agent signs in with. */
    public abstract String clientId();

    /** The object ID of the service principal: the principal of its role assignments. */
    public abstract String objectId();

    /** The client secret; prints as {@value Secret#MASK}. */
    @Value.Redacted
    public abstract Secret secret();

    /** When the client secret expires; onboarding with it fails afterwards. */
    public abstract Instant expiresAt();

    /** Builds {@link ServicePrincipalCredentials}. */
    public static class Builder extends ImmutableServicePrincipalCredentials.Builder {
    }
}
