package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.internal.readiness.ManagedPolicies;
import io.cloudconnector.internal.readiness.TrustPolicy;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.Optional;

/**
 * The connector's IAM role: created when missing, trusting Microsoft's account with the External ID and carrying
 * SecurityAudit, AmazonSSMAutomationRole and AWSSecurityHubReadOnlyAccess. A role that exists with a correct trust
 * policy gets its missing policies attached (a change); a role whose trust policy is wrong is a conflict, and gets
 * nothing: granting permissions to a role others may assume would weaken the account.
 */
final class ConnectorRoleRules {

    private static final String MICROSOFT = "Microsoft's account " + TrustPolicy.MICROSOFT_ACCOUNT_ID;

    private ConnectorRoleRules() {
    }

    /** Adds the role's actions or conflict; returns its ARN when it is ready once the plan is applied. */
    static Optional<String> plan(Context context, Gathered<Optional<IamPrincipalFacts>> role, Draft draft) {
        String resource = Context.roleResource(context.roleName());
        if (!role.ok()) {
            draft.unreadable(null, resource, role);
            return Optional.empty();
        }
        if (role.value().isEmpty()) {
            create(context, draft);
            return Optional.of(context.roleArn());
        }
        IamPrincipalFacts existing = role.value().get();
        Optional<String> problem = trustProblem(context, existing);
        if (problem.isPresent()) {
            draft.conflict(null, resource, problem.get() + "; the role is left as it is and no policy is attached "
                + "to it", fixTrust(context));
            return Optional.empty();
        }
        for (String policy : ManagedPolicies.ROLE_POLICIES) {
            if (!ManagedPolicies.attached(existing.attachedPolicyArns(), policy)) {
                attach(context, draft, Kind.CHANGE, policy,
                    "Role " + context.roleName() + " trusts " + MICROSOFT + " correctly but lacks "
                        + ManagedPolicies.name(policy));
            }
        }
        return Optional.of(existing.arn());
    }

    private static void create(Context context, Draft draft) {
        String description = "Lets Microsoft Defender for Cloud read this account (External ID: the Azure "
            + "subscription " + context.spec().subscriptionId() + ")";
        draft.add(Kind.CREATE, Operation.CREATE_ROLE, null, Context.roleResource(context.roleName()),
            "Create role " + context.roleName() + " trusting " + MICROSOFT + " with sts:ExternalId "
                + context.externalId(),
            "Role " + context.roleName() + " does not exist in account " + context.accountId(),
            Parameters.ROLE_NAME, context.roleName(),
            Parameters.TRUST_POLICY, Documents.trustPolicy(context.externalId()),
            Parameters.DESCRIPTION, description);
        for (String policy : ManagedPolicies.ROLE_POLICIES) {
            attach(context, draft, Kind.CREATE, policy, "The connector's role needs " + ManagedPolicies.name(policy));
        }
    }

    private static void attach(Context context, Draft draft, Kind kind, String policy, String reason) {
        draft.add(kind, Operation.ATTACH_ROLE_POLICY, null, Context.roleResource(context.roleName()),
            "Attach " + ManagedPolicies.name(policy) + " to role " + context.roleName(), reason,
            Parameters.ROLE_NAME, context.roleName(), Parameters.POLICY_ARN, policy);
    }

    /** What is wrong with the role's trust policy for the connector, if anything. */
    private static Optional<String> trustProblem(Context context, IamPrincipalFacts role) {
        String name = "The trust policy of role " + role.name();
        TrustPolicy.Evaluation trust;
        try {
            trust = TrustPolicy.parse(role.trustPolicy().orElse("")).evaluate(context.externalId());
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " could not be read: " + e.getMessage());
        }
        if (trust.allowing().isEmpty()) {
            return Optional.of(name + " does not let " + MICROSOFT + " call sts:AssumeRole (it trusts other "
                + "principals)");
        }
        if (trust.denying() != null) {
            return Optional.of(name + " lets " + MICROSOFT + " assume it, but Deny " + trust.denying() + " blocks it");
        }
        if (!trust.withoutExternalId().isEmpty()) {
            return Optional.of(name + " lets " + MICROSOFT + " assume it without requiring sts:ExternalId ("
                + String.join(", ", trust.withoutExternalId()) + "): anyone's Defender for Cloud connector could");
        }
        if (!trust.admitsExternalId()) {
            return Optional.of(name + " requires sts:ExternalId " + trust.requiredExternalIds() + ", not "
                + context.externalId());
        }
        return Optional.empty();
    }

    private static String fixTrust(Context context) {
        return "Edit the trust policy by hand (provisioning never overwrites one): IAM console > Roles > "
            + context.roleName() + " > Trust relationships > Edit trust policy, so that it allows "
            + TrustPolicy.MICROSOFT_ROOT + " sts:AssumeRole only with StringEquals sts:ExternalId "
            + context.externalId() + ", keeping any other statement you need:\n" + Documents.trustPolicy(
                context.externalId()) + "\nor plan with another role name (ProvisioningOptions.roleName)";
    }
}
