package io.cloudconnector.internal.provisioning;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.internal.readiness.Gathered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan being drawn up: the actions and conflicts the rules add, in order. Every one carries the AWS account ID, the
 * Azure side's too. Not thread-safe.
 */
final class Draft {

    private final String accountId;
    private final List<ProvisioningAction> actions = new ArrayList<>();
    private final List<ProvisioningConflict> conflicts = new ArrayList<>();

    Draft(String accountId) {
        this.accountId = accountId;
    }

    /**
     * Adds an action.
     *
     * @param region the region, or null for an account-wide (IAM) action and an Azure side's action
     * @param parameters alternating keys and values
     */
    void add(Kind kind, Operation operation, String region, String resource, String description, String reason,
        String... parameters) {
        actions.add(ProvisioningAction.builder()
            .kind(kind)
            .operation(operation)
            .accountId(accountId)
            .region(Optional.ofNullable(region))
            .resource(resource)
            .description(description)
            .reason(reason)
            .parameters(parameters(parameters))
            .build());
    }

    /** Adds a conflict; {@code region} is null for an account-wide resource. */
    void conflict(String region, String resource, String description, String resolution) {
        conflicts.add(ProvisioningConflict.builder()
            .accountId(accountId)
            .region(Optional.ofNullable(region))
            .resource(resource)
            .description(description)
            .resolution(resolution)
            .build());
    }

    /** Adds the conflict of a fact that could not be read: nothing is planned for {@code resource}. */
    void unreadable(String region, String resource, Gathered<?> fact) {
        String resolution = fact.failure() instanceof AccessDeniedException denied
            ? "Allow " + denied.permission().orElse("the operation named above") + " for the identity that "
                + "provisions, then plan again"
            : "Plan again; if the error persists, raise it with " + (ArcOnboarding.isAzureResource(resource)
                ? "Azure" : "AWS") + " support quoting the request ID above";
        conflict(region, resource, "Could not read " + resource + (region == null ? "" : " in " + region) + ": "
            + fact.cause() + "; nothing is planned for it", resolution);
    }

    List<ProvisioningAction> actions() {
        return List.copyOf(actions);
    }

    List<ProvisioningConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    private static Map<String, String> parameters(String... keysAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            parameters.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return parameters;
    }
}
