package io.cloudconnector.internal.readiness;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Check 5, for assume-role authentication: the role exists; its trust policy lets Microsoft's account assume it and
 * requires the spec's External ID (a missing condition would let anyone's connector assume it); the managed policies
 * SecurityAudit, AmazonSSMAutomationRole and AWSSecurityHubReadOnlyAccess are attached.
 */
final class RoleRules {

    private RoleRules() {
    }

    static List<ReadinessCheck> evaluate(ConnectorSpec spec, Gathered<Optional<IamPrincipalFacts>> role) {
        Where account = Where.account(spec.awsAccountId());
        String roleName = ((AwsAuthentication.AssumeRole) spec.authentication()).roleName();
        if (!role.ok()) {
            return List.of(Failures.error(CheckType.ROLE_TRUST, account, role),
                Failures.error(CheckType.ROLE_POLICIES, account, role));
        }
        if (role.value().isEmpty()) {
            return List.of(CheckType.ROLE_TRUST.fail(account,
                "Role " + roleName + " does not exist in account " + spec.awsAccountId(),
                "IAM console > Roles > Create role > AWS account > Another AWS account: "
                    + TrustPolicy.MICROSOFT_ACCOUNT_ID + ", Require external ID: " + spec.externalId().orElseThrow()
                    + "; attach " + ManagedPolicies.ROLE_POLICIES.stream().map(ManagedPolicies::name)
                    .collect(Collectors.joining(", "))));
        }
        List<ReadinessCheck> checks = new ArrayList<>(trust(spec, roleName, role.value().get()));
        checks.add(policies(account, role.value().get()));
        return checks;
    }

    private static List<ReadinessCheck> trust(ConnectorSpec spec, String roleName, IamPrincipalFacts role) {
        Where account = Where.account(spec.awsAccountId());
        String externalId = spec.externalId().orElseThrow();
        TrustPolicy.Evaluation trust;
        try {
            trust = TrustPolicy.parse(role.trustPolicy().orElse("")).evaluate(externalId);
        } catch (IllegalArgumentException e) {
            return List.of(CheckType.ROLE_TRUST.error(account,
                "The trust policy of " + roleName + " could not be read: " + e.getMessage(),
                "Review it: IAM console > Roles > " + roleName + " > Trust relationships"));
        }
        String microsoft = "Microsoft's account " + TrustPolicy.MICROSOFT_ACCOUNT_ID;
        if (trust.allowing().isEmpty()) {
            return List.of(CheckType.ROLE_TRUST.fail(account,
                "No statement of the trust policy of " + roleName + " lets " + microsoft + " call sts:AssumeRole",
                setTrustPolicy(roleName, externalId)));
        }
        if (trust.denying() != null) {
            return List.of(CheckType.ROLE_TRUST.fail(account,
                "The trust policy of " + roleName + " allows " + microsoft + " to call sts:AssumeRole ("
                    + String.join(", ", trust.allowing()) + "), but Deny " + trust.denying()
                    + " blocks it, and a Deny wins",
                "Remove " + trust.denying() + " or make it exclude " + microsoft + ": IAM console > Roles > "
                    + roleName + " > Trust relationships > Edit trust policy"));
        }
        return List.of(
            CheckType.ROLE_TRUST.pass(account, "The trust policy of " + roleName + " lets " + microsoft
                + " call sts:AssumeRole (" + String.join(", ", trust.allowing()) + ")"),
            externalId(spec, roleName, trust));
    }

    private static ReadinessCheck externalId(ConnectorSpec spec, String roleName, TrustPolicy.Evaluation trust) {
        Where account = Where.account(spec.awsAccountId());
        String externalId = spec.externalId().orElseThrow();
        String expected = externalId + (externalId.equals(spec.subscriptionId())
            ? " (the Azure subscription ID)" : " (the spec's External ID)");
        if (!trust.withoutExternalId().isEmpty()) {
            return CheckType.ROLE_EXTERNAL_ID.fail(account,
                "The trust policy of " + roleName + " does not require sts:ExternalId ("
                    + String.join(", ", trust.withoutExternalId())
                    + "): anyone's Defender for Cloud connector could assume the role",
                setTrustPolicy(roleName, externalId));
        }
        if (trust.admitsExternalId()) {
            return CheckType.ROLE_EXTERNAL_ID.pass(account,
                "The trust policy of " + roleName + " requires sts:ExternalId " + expected);
        }
        return CheckType.ROLE_EXTERNAL_ID.fail(account,
            "The trust policy of " + roleName + " requires sts:ExternalId " + trust.requiredExternalIds()
                + ", but the connector presents " + expected,
            setTrustPolicy(roleName, externalId));
    }

    private static ReadinessCheck policies(Where account, IamPrincipalFacts role) {
        List<String> missing = ManagedPolicies.ROLE_POLICIES.stream()
            .filter(policy -> !ManagedPolicies.attached(role.attachedPolicyArns(), policy)).toList();
        if (missing.isEmpty()) {
            return CheckType.ROLE_POLICIES.pass(account, "Role " + role.name() + " has "
                + ManagedPolicies.ROLE_POLICIES.stream().map(ManagedPolicies::name).collect(Collectors.joining(", ")));
        }
        return CheckType.ROLE_POLICIES.fail(account,
            "Role " + role.name() + " lacks " + missing.stream().map(ManagedPolicies::name)
                .collect(Collectors.joining(", ")),
            missing.stream().map(policy -> "aws iam attach-role-policy --role-name " + role.name() + " --policy-arn "
                + policy).collect(Collectors.joining("\n")));
    }

    private static String setTrustPolicy(String roleName, String externalId) {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + TrustPolicy.MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
            + "{\"sts:ExternalId\":\"" + externalId + "\"}}}]}";
        return "IAM console > Roles > " + roleName + " > Trust relationships > Edit trust policy (keep any other "
            + "statement you need), or\naws iam update-assume-role-policy --role-name " + roleName
            + " --policy-document '" + document + "'";
    }
}
