package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * How {@link ConnectorClient#connect(ConnectorSpec, ConnectOptions)} treats credentials and resource providers.
 * Both flags are off by default.
 */
@Value.Immutable
@ValueStyle
public abstract class ConnectOptions {

    /** A builder; both flags default to off. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: keep an existing connector's secrets, report unregistered resource providers. */
    public static ConnectOptions defaults() {
        return builder().build();
    }

    /**
     * Whether to write the spec's secrets (AWS secret access key, service principal secret) even when nothing else
     * differs. Azure never returns secrets, so they cannot be compared: without this flag an existing connector whose
     * other settings match the spec is left alone and keeps the secrets it has. The current generation holds no
     * secrets; there the flag only forces a rewrite. Default off.
     */
    @Value.Default
    public boolean rotateCredentials() {
        return false;
    }

    /**
     * Whether to register the resource providers the connector needs (Microsoft.Security; with Arc auto-provisioning
     * also Microsoft.HybridCompute, Microsoft.GuestConfiguration and Microsoft.HybridConnectivity) when they are not.
     * Default off: unregistered providers are reported, and a needed one stops the write.
     */
    @Value.Default
    public boolean registerProviders() {
        return false;
    }

    /** Builds {@link ConnectOptions}. */
    public static class Builder extends ImmutableConnectOptions.Builder {
    }
}
