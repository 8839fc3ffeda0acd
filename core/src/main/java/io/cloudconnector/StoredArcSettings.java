package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Azure Arc settings of a connector as Azure holds them: no service principal secret, which Azure never returns.
 * Every value is optional because Azure may leave any of them out.
 */
@Value.Immutable
@ValueStyle
public abstract class StoredArcSettings {

    /** A builder with every value empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** The resource group the Arc machines are created in. */
    public abstract Optional<String> resourceGroup();

    /** The Azure region of the Arc machines, as Azure spells it ({@code westus2} or {@code West US 2}). */
    public abstract Optional<String> azureRegion();

    /** The application ID of the onboarding service principal (classic generation). */
    public abstract Optional<String> servicePrincipalId();

    /** The agent's HTTP proxy. */
    public abstract Optional<URI> proxy();

    /** Builds {@link StoredArcSettings}. */
    public static class Builder extends ImmutableStoredArcSettings.Builder {
    }
}
