package io.cloudconnector.spi;

import org.immutables.value.Value;

/** An Azure resource provider's registration in one subscription. */
@Value.Immutable
public interface ResourceProvider {

    /** The provider's namespace, such as {@code Microsoft.Security}. */
    @Value.Parameter
    String namespace();

    /** {@code Registered}, {@code Registering}, {@code NotRegistered} or {@code Unregistering}, as ARM reports it. */
    @Value.Parameter
    String registrationState();

    /** Whether the provider is registered. */
    @Value.Derived
    default boolean registered() {
        return "Registered".equalsIgnoreCase(registrationState());
    }

    static ResourceProvider of(String namespace, String registrationState) {
        return ImmutableResourceProvider.of(namespace, registrationState);
    }
}
