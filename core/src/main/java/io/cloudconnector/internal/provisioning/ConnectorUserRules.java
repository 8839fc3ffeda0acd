package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.internal.readiness.ManagedPolicies;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IAM user of the access-key variant: created when missing, with AmazonSSMManagedInstanceCore (AmazonEC2RoleforSSM,
 * its predecessor, also counts) and SecurityAudit; an access key only when asked for and while the user has none.
 */
final class ConnectorUserRules {

    private ConnectorUserRules() {
    }

    /**
     * Adds the user's actions or conflicts.
     *
     * @param accessKeys the user's access key IDs, read only when an access key is asked for and the user exists
     */
    static void plan(Context context, Gathered<Optional<IamPrincipalFacts>> user,
        Supplier<Gathered<List<String>>> accessKeys, Draft draft) {
        String name = context.options().userName();
        String resource = Context.userResource(name);
        if (!user.ok()) {
            draft.unreadable(null, resource, user);
            return;
        }
        if (user.value().isEmpty()) {
            draft.add(Kind.CREATE, Operation.CREATE_USER, null, resource, "Create IAM user " + name,
                "IAM user " + name + " does not exist in account " + context.accountId(), Parameters.USER_NAME, name);
            String needs = "The access-key user needs AmazonSSMManagedInstanceCore and SecurityAudit";
            attach(draft, Kind.CREATE, name, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE, needs);
            attach(draft, Kind.CREATE, name, ManagedPolicies.SECURITY_AUDIT, needs);
            if (context.options().createAccessKey()) {
                accessKey(draft, name, "An access key was asked for");
            }
            return;
        }
        List<String> attached = user.value().get().attachedPolicyArns();
        if (!ManagedPolicies.attached(attached, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE)
            && !ManagedPolicies.attached(attached, ManagedPolicies.EC2_ROLE_FOR_SSM)) {
            attach(draft, Kind.CHANGE, name, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE,
                "IAM user " + name + " has neither AmazonSSMManagedInstanceCore nor AmazonEC2RoleforSSM");
        }
        if (!ManagedPolicies.attached(attached, ManagedPolicies.SECURITY_AUDIT)) {
            attach(draft, Kind.CHANGE, name, ManagedPolicies.SECURITY_AUDIT,
                "IAM user " + name + " lacks SecurityAudit");
        }
        if (context.options().createAccessKey()) {
            Gathered<List<String>> keys = accessKeys.get();
            if (!keys.ok()) {
                draft.unreadable(null, resource, keys);
            } else if (keys.value().isEmpty()) {
                accessKey(draft, name, "An access key was asked for and IAM user " + name + " has none");
            }
        }
    }

    private static void attach(Draft draft, Kind kind, String userName, String policy, String reason) {
        draft.add(kind, Operation.ATTACH_USER_POLICY, null, Context.userResource(userName),
            "Attach " + ManagedPolicies.name(policy) + " to IAM user " + userName, reason,
            Parameters.USER_NAME, userName, Parameters.POLICY_ARN, policy);
    }

    private static void accessKey(Draft draft, String userName, String reason) {
        draft.add(Kind.CREATE, Operation.CREATE_ACCESS_KEY, null, Context.userResource(userName),
            "Create an access key for IAM user " + userName + "; its secret is returned once, in the result",
            reason, Parameters.USER_NAME, userName);
    }
}
