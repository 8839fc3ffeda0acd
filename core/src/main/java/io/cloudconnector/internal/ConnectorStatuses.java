package io.cloudconnector.internal;

import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.ConnectorStatus.AuthenticationState;
import io.cloudconnector.ConnectorStatus.ServicePrincipalState;
import io.cloudconnector.StoredArcSettings;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;

/** Turns connector resources read from Azure into {@link ConnectorStatus} values. */
final class ConnectorStatuses {

    private ConnectorStatuses() {
    }

    /** The status of a connector that exists. */
    static ConnectorStatus of(ConnectorResource resource) {
        ConnectorStatus.Builder builder = ConnectorStatus.builder()
            .generation(resource.key().generation())
            .name(resource.key().name())
            .exists(true)
            .resourceId(resource.id())
            .awsAccountId(resource.awsAccountId())
            .authenticationState(resource.authenticationState().flatMap(AuthenticationState::fromAzure))
            .servicePrincipalState(resource.servicePrincipalState().flatMap(ServicePrincipalState::fromAzure))
            .grantedPermissions(resource.grantedPermissions())
            .autoProvision(resource.autoProvision())
            .regions(resource.regions())
            .scanInterval(resource.scanInterval());
        if (hasArcSettings(resource)) {
            builder.arc(StoredArcSettings.builder()
                .resourceGroup(resource.arcResourceGroup())
                .azureRegion(resource.arcRegion())
                .servicePrincipalId(resource.servicePrincipalId())
                .proxy(resource.proxy())
                .build());
        }
        return builder.build();
    }

    /** The status of a connector that does not exist. */
    static ConnectorStatus absent(ConnectorKey key) {
        return ConnectorStatus.builder()
            .generation(key.generation())
            .name(key.name())
            .exists(false)
            .autoProvision(false)
            .build();
    }

    private static boolean hasArcSettings(ConnectorResource resource) {
        return resource.arcResourceGroup().isPresent() || resource.arcRegion().isPresent()
            || resource.servicePrincipalId().isPresent() || resource.proxy().isPresent();
    }
}
