package io.cloudconnector.spi;

import org.immutables.value.Value;

/** A Microsoft Entra service principal: its object ID (the principal ID of role assignments) and its client ID. */
@Value.Immutable
public interface EntraServicePrincipal {

    /** The service principal object's ID ({@code id}): the {@code principalId} of role assignments. */
    @Value.Parameter
    String objectId();

    /** The client ID of its application ({@code appId}). */
    @Value.Parameter
    String appId();

    static EntraServicePrincipal of(String objectId, String appId) {
        return ImmutableEntraServicePrincipal.of(objectId, appId);
    }
}
