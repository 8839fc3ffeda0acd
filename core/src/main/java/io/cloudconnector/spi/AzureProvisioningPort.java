package io.cloudconnector.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning needs from Azure to prepare Arc onboarding at scale: the Microsoft Entra application, its service
 * principal and client secret (Microsoft Graph), the Arc resource group and the role assignment on it (Azure Resource
 * Manager). Resource provider registration is {@link ConnectorPort#register(String, String)}. No judgement: core
 * decides what to write, the adapter writes it.
 *
 * <p>Every call is made with the Azure side's own identity, in the tenant that identity signs in to. Methods throw
 * {@link io.cloudconnector.ConnectorException} subtypes ({@link io.cloudconnector.AccessDeniedException} naming the
 * missing permission or Graph privilege) when Azure answers with an error. Implementations are thread-safe.
 */
public interface AzureProvisioningPort {

    /**
     * The Entra applications whose display name is exactly {@code displayName}, every page read (Graph
     * {@code GET /applications?$filter=displayName eq '...'}). Entra allows several applications with one name: the
     * caller decides what more than one means.
     */
    List<EntraApplication> applications(String displayName);

    /** Creates an Entra application (Graph {@code POST /applications}) with only a display name; returns it. */
    EntraApplication createApplication(String displayName);

    /** The service principal of the application with client ID {@code appId}; empty when it has none. */
    Optional<EntraServicePrincipal> servicePrincipal(String appId);

    /** Creates the service principal of the application with client ID {@code appId} (Graph). */
    EntraServicePrincipal createServicePrincipal(String appId);

    /**
     * Adds a client secret to the application with object ID {@code applicationObjectId} (Graph
     * {@code POST /applications/{id}/addPassword}). The secret's value is in the answer only; Graph never returns it
     * again.
     */
    CreatedClientSecret addClientSecret(String applicationObjectId, String displayName, Instant expiresAt);

    /** The location of resource group {@code name}; empty when the subscription has no such group. */
    Optional<String> resourceGroupLocation(String subscriptionId, String name);

    /** Creates resource group {@code name} in {@code location} (ARM {@code PUT}); an existing group is left alone. */
    void createResourceGroup(String subscriptionId, String name, String location);

    /**
     * The role assignments of {@code principalId} that apply at {@code scope}, inherited ones included (ARM
     * {@code GET {scope}/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '...'}).
     */
    List<RoleAssignmentFacts> roleAssignments(String scope, String principalId);

    /**
     * Assigns role definition {@code roleDefinitionId} (a full ID, {@code /subscriptions/.../roleDefinitions/<guid>})
     * to service principal {@code principalId} at {@code scope}, under a new assignment name. An assignment that
     * already exists (ARM's {@code RoleAssignmentExists}) returns normally. A service principal created moments ago may
     * not be visible to ARM yet ({@code PrincipalNotFound}): implementations retry that for a bounded time.
     */
    void assignRole(String scope, String roleDefinitionId, String principalId);
}
