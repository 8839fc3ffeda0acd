package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.ConnectorService;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.ResourceProvider;
import io.cloudconnector.spi.RoleAssignmentFacts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Azure side: the service principal of Arc onboarding at scale. The Arc resource providers registered; the
 * resource group created when missing (one in another region is used as it is); the Entra application and its service
 * principal created when missing; a client secret while the application has no unexpired one (never a second one: an
 * existing secret's value cannot be read back); the role Azure Connected Machine Onboarding on the resource group,
 * unless the service principal has it there already, inherited or not. Several applications with the name are a
 * conflict, and nothing that depends on the application is planned; nor is anything that depends on a fact that
 * could not be read (the role when the resource group or the service principal could not be read).
 */
final class ArcOnboardingRules {

    private ArcOnboardingRules() {
    }

    /** The Azure side's facts, each read when a rule asks for it. */
    interface Facts {

        Gathered<ResourceProvider> provider(String namespace);

        /** The Arc resource group's location; empty when the group does not exist. */
        Gathered<Optional<String>> resourceGroupLocation();

        /** The applications with the service principal's display name. */
        Gathered<List<EntraApplication>> applications();

        Gathered<Optional<EntraServicePrincipal>> servicePrincipal(String appId);

        /** The role assignments of {@code principalId} that apply to the Arc resource group. */
        Gathered<List<RoleAssignmentFacts>> roleAssignments(String principalId);
    }

    /** Adds the Azure side's actions and conflicts, after the AWS side's; {@code now} judges secret expiry. */
    static void plan(ArcOnboarding arc, Facts facts, Instant now, Draft draft) {
        providers(arc, facts, draft);
        Gathered<Optional<String>> group = facts.resourceGroupLocation();
        if (!group.ok()) {
            draft.unreadable(null, arc.resourceGroupResource(), group);
        } else if (group.value().isEmpty()) {
            draft.add(Kind.CREATE, Operation.CREATE_RESOURCE_GROUP, null, arc.resourceGroupResource(),
                "Create resource group " + arc.resourceGroup() + " in " + arc.location() + " in Azure subscription "
                    + arc.subscriptionId(),
                "Resource group " + arc.resourceGroup() + " does not exist in subscription " + arc.subscriptionId()
                    + "; the Arc machines are created in it and the service principal gets its role on it",
                Parameters.SUBSCRIPTION_ID, arc.subscriptionId(), Parameters.RESOURCE_GROUP, arc.resourceGroup(),
                Parameters.LOCATION, arc.location());
        }

        // The application first: the service principal, its secret and its role all hang on it.
        Gathered<List<EntraApplication>> applications = facts.applications();
        if (!applications.ok()) {
            draft.unreadable(null, arc.applicationResource(), applications);
        } else if (applications.value().size() > 1) {
            ambiguous(arc, applications.value(), draft);
        } else if (applications.value().isEmpty()) {
            String creating = "Application " + arc.displayName() + " is being created";
            draft.add(Kind.CREATE, Operation.CREATE_APPLICATION, null, arc.applicationResource(),
                "Create Microsoft Entra application " + arc.displayName(),
                "No application in the tenant is named " + arc.displayName(),
                Parameters.DISPLAY_NAME, arc.displayName());
            servicePrincipal(arc, creating, draft);
            clientSecret(arc, creating, draft);
            if (group.ok()) {
                role(arc, Optional.empty(), group.value(), facts, draft);
            }
        } else {
            existing(arc, applications.value().get(0), group, facts, now, draft);
        }
    }

    private static void providers(ArcOnboarding arc, Facts facts, Draft draft) {
        for (String namespace : ConnectorService.ARC_PROVIDERS) {
            Gathered<ResourceProvider> provider = facts.provider(namespace);
            if (!provider.ok()) {
                draft.unreadable(null, ArcOnboarding.providerResource(namespace), provider);
            } else if (!provider.value().registered()) {
                draft.add(Kind.CHANGE, Operation.REGISTER_PROVIDER, null, ArcOnboarding.providerResource(namespace),
                    "Register resource provider " + namespace + " in Azure subscription " + arc.subscriptionId(),
                    "Resource provider " + namespace + " is " + provider.value().registrationState()
                        + " in subscription " + arc.subscriptionId() + "; Azure Arc onboarding needs it",
                    Parameters.SUBSCRIPTION_ID, arc.subscriptionId(), Parameters.NAMESPACE, namespace);
            }
        }
    }

    private static void ambiguous(ArcOnboarding arc, List<EntraApplication> applications, Draft draft) {
        String clientIds = applications.stream().map(EntraApplication::appId).collect(Collectors.joining(", "));
        draft.conflict(null, arc.applicationResource(), applications.size() + " Microsoft Entra applications are "
                + "named " + arc.displayName() + " (client IDs " + clientIds + "); provisioning cannot tell which one "
                + "is meant, so no service principal, client secret or role assignment is planned",
            "Delete or rename the applications that are not meant to onboard machines (Microsoft Entra admin center "
                + "> App registrations), or plan with another name (ProvisioningOptions.servicePrincipalName)");
    }

    private static void existing(ArcOnboarding arc, EntraApplication application, Gathered<Optional<String>> group,
        Facts facts, Instant now, Draft draft) {
        String name = "Application " + arc.displayName() + " (client ID " + application.appId() + ")";
        Gathered<Optional<EntraServicePrincipal>> principal = facts.servicePrincipal(application.appId());
        if (!principal.ok()) {
            draft.unreadable(null, arc.servicePrincipalResource(), principal);
        } else if (principal.value().isEmpty()) {
            servicePrincipal(arc, name + " has no service principal", draft);
        }
        if (application.secretExpiries().stream().noneMatch(now::isBefore)) {
            clientSecret(arc, application.secretExpiries().stream().max(Comparator.naturalOrder())
                .map(last -> name + " has no client secret that is still valid (the last expired at " + last + ")")
                .orElse(name + " has no client secret"), draft);
        }
        if (principal.ok() && group.ok()) {
            role(arc, principal.value(), group.value(), facts, draft);
        }
    }

    /** The role of a service principal that exists or is being created, on a group that exists or is being created. */
    private static void role(ArcOnboarding arc, Optional<EntraServicePrincipal> principal, Optional<String> group,
        Facts facts, Draft draft) {
        if (principal.isEmpty()) {
            role(arc, Kind.CREATE, "The service principal is being created", draft);
            return;
        }
        if (group.isEmpty()) {
            role(arc, Kind.CHANGE, "Resource group " + arc.resourceGroup() + " is being created", draft);
            return;
        }
        String objectId = principal.get().objectId();
        Gathered<List<RoleAssignmentFacts>> assignments = facts.roleAssignments(objectId);
        if (!assignments.ok()) {
            draft.unreadable(null, arc.roleAssignmentResource(), assignments);
        } else if (assignments.value().stream().noneMatch(a -> ArcOnboarding.isOnboardingRole(a.roleDefinitionId()))) {
            role(arc, Kind.CHANGE, "Service principal " + arc.displayName() + " (object ID " + objectId + ") does not "
                + "have role " + ArcOnboarding.ROLE_NAME + " on resource group " + arc.resourceGroup(), draft);
        }
    }

    private static void servicePrincipal(ArcOnboarding arc, String reason, Draft draft) {
        draft.add(Kind.CREATE, Operation.CREATE_SERVICE_PRINCIPAL, null, arc.servicePrincipalResource(),
            "Create the service principal of application " + arc.displayName(), reason,
            Parameters.DISPLAY_NAME, arc.displayName());
    }

    private static void clientSecret(ArcOnboarding arc, String reason, Draft draft) {
        draft.add(Kind.CREATE, Operation.CREATE_CLIENT_SECRET, null, arc.applicationResource(),
            "Add a client secret valid for " + arc.secretLifetimeDays() + " days to application "
                + arc.displayName() + "; its value is returned once, in the result", reason,
            Parameters.DISPLAY_NAME, arc.displayName(),
            Parameters.LIFETIME_DAYS, Long.toString(arc.secretLifetimeDays()));
    }

    private static void role(ArcOnboarding arc, Kind kind, String reason, Draft draft) {
        draft.add(kind, Operation.ASSIGN_ROLE, null, arc.roleAssignmentResource(),
            "Assign role " + ArcOnboarding.ROLE_NAME + " to service principal " + arc.displayName()
                + " on resource group " + arc.resourceGroup(), reason,
            Parameters.SCOPE, arc.scope(), Parameters.ROLE_DEFINITION_ID, arc.roleDefinitionId(),
            Parameters.DISPLAY_NAME, arc.displayName());
    }
}
