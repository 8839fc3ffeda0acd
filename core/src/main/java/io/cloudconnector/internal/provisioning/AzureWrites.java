package io.cloudconnector.internal.provisioning;

import static io.cloudconnector.internal.provisioning.Parameters.get;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ServicePrincipalCredentials;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.CreatedClientSecret;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performs the Azure side's actions of one apply. The actions name the Entra application by display name; its IDs are
 * looked up when an action needs them, from what this apply created first (Microsoft Graph may not list an
 * application or service principal created moments ago), else through the port. The Azure side is asked to provision
 * only when the first Entra or resource group action is performed. Not thread-safe.
 */
final class AzureWrites {

    private final AzureSide azure;
    private final Clock clock;
    private final Map<String, EntraApplication> applications = new HashMap<>();
    private final Map<String, EntraServicePrincipal> principals = new HashMap<>();
    private AzureProvisioningPort port;
    private ServicePrincipalCredentials credentials;

    AzureWrites(AzureSide azure, Clock clock) {
        this.azure = azure;
        this.clock = clock;
    }

    /** Whether {@code action} is one of the Azure side's. */
    static boolean handles(ProvisioningAction action) {
        return switch (action.operation()) {
            case REGISTER_PROVIDER, CREATE_RESOURCE_GROUP, CREATE_APPLICATION, CREATE_SERVICE_PRINCIPAL,
                CREATE_CLIENT_SECRET, ASSIGN_ROLE -> true;
            default -> false;
        };
    }

    /** Performs {@code action}; throws what the port threw, or {@link ConnectorException} when the IDs are unclear. */
    void perform(ProvisioningAction action) {
        switch (action.operation()) {
            case REGISTER_PROVIDER -> azure.connectors().register(get(action, Parameters.SUBSCRIPTION_ID),
                get(action, Parameters.NAMESPACE));
            case CREATE_RESOURCE_GROUP -> port().createResourceGroup(get(action, Parameters.SUBSCRIPTION_ID),
                get(action, Parameters.RESOURCE_GROUP), get(action, Parameters.LOCATION));
            case CREATE_APPLICATION -> {
                EntraApplication created = port().createApplication(get(action, Parameters.DISPLAY_NAME));
                applications.put(created.displayName(), created);
            }
            case CREATE_SERVICE_PRINCIPAL -> {
                EntraServicePrincipal created = port().createServicePrincipal(application(action).appId());
                principals.put(created.appId(), created);
            }
            case CREATE_CLIENT_SECRET -> clientSecret(action);
            case ASSIGN_ROLE -> port().assignRole(get(action, Parameters.SCOPE),
                get(action, Parameters.ROLE_DEFINITION_ID), principal(action, application(action)).objectId());
            default -> throw new IllegalArgumentException(action.operation() + " is not an Azure action");
        }
    }

    /** The service principal and client secret this apply created, if it created a secret. */
    Optional<ServicePrincipalCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    private void clientSecret(ProvisioningAction action) {
        EntraApplication application = application(action);
        EntraServicePrincipal principal = principal(action, application);
        Duration lifetime = Duration.ofDays(Long.parseLong(get(action, Parameters.LIFETIME_DAYS)));
        CreatedClientSecret secret = port().addClientSecret(application.objectId(), ArcOnboarding.CLIENT_SECRET_NAME,
            clock.instant().plus(lifetime));
        credentials = ServicePrincipalCredentials.builder().clientId(application.appId())
            .objectId(principal.objectId()).secret(secret.value()).expiresAt(secret.expiresAt()).build();
    }

    private EntraApplication application(ProvisioningAction action) {
        String name = get(action, Parameters.DISPLAY_NAME);
        EntraApplication created = applications.get(name);
        if (created != null) {
            return created;
        }
        List<EntraApplication> found = port().applications(name);
        if (found.size() != 1) {
            throw new ConnectorException("Expected one Microsoft Entra application named " + name + ", found "
                + found.size() + "; nothing was written for " + action.operation() + ". Plan again");
        }
        return found.get(0);
    }

    private EntraServicePrincipal principal(ProvisioningAction action, EntraApplication application) {
        EntraServicePrincipal created = principals.get(application.appId());
        if (created != null) {
            return created;
        }
        return port().servicePrincipal(application.appId()).orElseThrow(() -> new ConnectorException(
            "Application " + application.displayName() + " (client ID " + application.appId() + ") has no service "
                + "principal; nothing was written for " + action.operation() + ". Plan again"));
    }

    private AzureProvisioningPort port() {
        if (port == null) {
            port = azure.azureProvisioning();
        }
        return port;
    }
}
