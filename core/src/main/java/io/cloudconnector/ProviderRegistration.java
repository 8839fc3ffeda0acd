package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/** One Azure resource provider the connector relies on, and whether it is registered in the subscription. */
@Value.Immutable
@ValueStyle
public abstract class ProviderRegistration {

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The provider's namespace, such as {@code Microsoft.HybridCompute}. */
    public abstract String namespace();

    /** The registration state as Azure reports it: {@code Registered}, {@code NotRegistered}, {@code Registering}. */
    public abstract String state();

    /** Whether this connector needs it: Microsoft.Security always, the Arc providers with Arc auto-provisioning. */
    public abstract boolean required();

    /** Whether this call registered it. */
    public abstract boolean registeredNow();

    /** Whether the provider is registered. */
    @Value.Derived
    public boolean registered() {
        return "Registered".equalsIgnoreCase(state());
    }

    /** Builds {@link ProviderRegistration}. */
    public static class Builder extends ImmutableProviderRegistration.Builder {
    }
}
