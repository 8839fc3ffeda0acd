package io.cloudconnector.spi;

import org.immutables.value.Value;

/** An Azure role assignment: its ID, the scope it was made at, the role definition and the principal. */
@Value.Immutable
public interface RoleAssignmentFacts {

    /** The assignment's full resource ID. */
    String id();

    /** The scope the assignment was made at, such as {@code /subscriptions/<id>/resourceGroups/<name>}. */
    String scope();

    /**
     * The role definition's full ID,
     * {@code /subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>}.
     */
    String roleDefinitionId();

    /** The object ID of the principal the role is assigned to. */
    String principalId();

    static ImmutableRoleAssignmentFacts.Builder builder() {
        return ImmutableRoleAssignmentFacts.builder();
    }
}
