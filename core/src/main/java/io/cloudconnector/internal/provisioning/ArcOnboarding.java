package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.internal.AzureRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Azure side of a plan prepares, resolved from the spec and the options before anything is read: the
 * subscription, the Arc resource group and region, the name of the Entra application and service principal, and the
 * client secret's lifetime.
 *
 * @param subscriptionId the spec's Azure subscription
 * @param resourceGroup the Arc resource group: the options', else the spec's Arc settings'
 * @param location the Arc region as a location name: the options', else the spec's Arc settings'
 * @param displayName the application's and service principal's display name
 * @param secretLifetimeDays how many days the client secret is valid
 */
record ArcOnboarding(String subscriptionId, String resourceGroup, String location, String displayName,
    long secretLifetimeDays) {

    /** The built-in role that lets a service principal onboard machines to Azure Arc. */
    static final String ROLE_NAME = "Azure Connected Machine Onboarding";
    /** The ID of {@link #ROLE_NAME}'s definition, the same in every Azure cloud. */
    static final String ROLE_GUID = "b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";
    /** The display name of the client secrets provisioning adds. */
    static final String CLIENT_SECRET_NAME = "Azure Arc onboarding (Defender for Cloud connector)";

    /**
     * The Azure side of the plan for {@code spec} and {@code options}; empty unless the options ask for the service
     * principal.
     *
     * @throws IllegalArgumentException naming {@code arcResourceGroup} and {@code arcRegion} when neither the options
     *     nor the spec give them
     */
    static Optional<ArcOnboarding> of(ConnectorSpec spec, ProvisioningOptions options) {
        if (!options.createServicePrincipal()) {
            return Optional.empty();
        }
        Optional<String> group = options.arcResourceGroup().or(() -> spec.arc().map(ArcSettings::resourceGroup));
        Optional<String> region = options.arcRegion().or(() -> spec.arc().map(ArcSettings::azureRegion));
        List<String> problems = new ArrayList<>();
        if (group.isEmpty()) {
            problems.add("arcResourceGroup: must be set when createServicePrincipal is on and the spec has no Arc "
                + "settings: the resource group of the Arc machines, where the service principal gets its role");
        }
        if (region.isEmpty()) {
            problems.add("arcRegion: must be set when createServicePrincipal is on and the spec has no Arc settings: "
                + "the Azure region of the Arc machines, such as westus2");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid provisioning options: " + String.join("; ", problems));
        }
        String location = AzureRegions.locationName(region.get()).orElse(region.get());
        String name = options.servicePrincipalName()
            .orElse(ProvisioningOptions.DEFAULT_SERVICE_PRINCIPAL_PREFIX + spec.awsAccountId());
        return Optional.of(new ArcOnboarding(spec.subscriptionId(), group.get(), location, name,
            options.clientSecretLifetime().toDays()));
    }

    /** Whether {@code resource} is on the Azure side (Azure Resource Manager or Microsoft Entra ID). */
    static boolean isAzureResource(String resource) {
        return resource.startsWith("azure/") || resource.startsWith("entra/");
    }

    /** The resource group's ID: the scope of the role assignment. */
    String scope() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    /** The full ID of the role definition of {@link #ROLE_NAME} in the subscription. */
    String roleDefinitionId() {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + ROLE_GUID;
    }

    /** Whether {@code roleDefinitionId}, a full ID in any subscription or at any scope, is {@link #ROLE_NAME}. */
    static boolean isOnboardingRole(String roleDefinitionId) {
        return roleDefinitionId.toLowerCase(Locale.ROOT).endsWith(ROLE_GUID);
    }

    static String providerResource(String namespace) {
        return "azure/provider/" + namespace;
    }

    String resourceGroupResource() {
        return "azure/resourceGroup/" + resourceGroup;
    }

    String applicationResource() {
        return "entra/application/" + displayName;
    }

    String servicePrincipalResource() {
        return "entra/servicePrincipal/" + displayName;
    }

    String roleAssignmentResource() {
        return "azure/roleAssignment/" + resourceGroup + "/" + ROLE_NAME;
    }
}
