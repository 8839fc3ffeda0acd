package io.cloudconnector.spi;

import io.cloudconnector.ConnectorGeneration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a connector resource lives: its generation, subscription, resource group (the current generation only; the
 * classic one sits at subscription scope) and name.
 */
@Value.Immutable
public interface ConnectorKey {

    ConnectorGeneration generation();

    /** The Azure subscription ID. */
    String subscriptionId();

    /** The resource group; present for {@link ConnectorGeneration#CURRENT}, empty for the classic generation. */
    Optional<String> resourceGroup();

    /** The resource name. */
    String name();

    @Value.Check
    default void check() {
        if ((generation() == ConnectorGeneration.CURRENT) != resourceGroup().isPresent()) {
            throw new IllegalStateException("A resource group is required for, and only for, the current generation: "
                + generation() + " " + name());
        }
    }

    /** A classic connector at subscription scope. */
    static ConnectorKey classic(String subscriptionId, String name) {
        return ImmutableConnectorKey.builder().generation(ConnectorGeneration.CLASSIC)
            .subscriptionId(subscriptionId).name(name).build();
    }

    /** A current-generation connector in a resource group. */
    static ConnectorKey current(String subscriptionId, String resourceGroup, String name) {
        return ImmutableConnectorKey.builder().generation(ConnectorGeneration.CURRENT)
            .subscriptionId(subscriptionId).resourceGroup(resourceGroup).name(name).build();
    }
}
