package io.cloudconnector.internal.readiness;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check 6: an IAM user (the one behind the access keys, or the Arc onboarding user) has AmazonSSMManagedInstanceCore
 * (or its predecessor AmazonEC2RoleforSSM) and SecurityAudit attached.
 */
final class UserRules {

    private static final String USER_MARKER = ":user/";

    private UserRules() {
    }

    /** The IAM user name in a caller ARN such as {@code arn:aws:iam::123456789012:user/ops/connector}, if a user. */
    static Optional<String> userName(String callerArn) {
        if (!callerArn.contains(USER_MARKER)) {
            return Optional.empty();
        }
        return Optional.of(callerArn.substring(callerArn.lastIndexOf('/') + 1));
    }

    /** The WARN when access keys belong to something other than an IAM user, such as the account's root user. */
    static ReadinessCheck notAUser(ConnectorSpec spec, String callerArn) {
        return CheckType.USER_POLICIES.warn(Where.account(spec.awsAccountId()),
            "The access keys belong to " + callerArn + ", which is not an IAM user; its policies were not checked",
            "Create an IAM user for the connector (IAM console > Users > Create user) with SecurityAudit and "
                + "AmazonSSMManagedInstanceCore, and use its access keys");
    }

    static ReadinessCheck evaluate(CheckType type, ConnectorSpec spec, String userName,
        Gathered<Optional<IamPrincipalFacts>> user) {
        Where account = Where.account(spec.awsAccountId());
        if (!user.ok()) {
            return Failures.error(type, account, user);
        }
        if (user.value().isEmpty()) {
            return type.fail(account, "IAM user " + userName + " does not exist in account " + spec.awsAccountId(),
                "aws iam create-user --user-name " + userName + "\n" + attach(userName, required()));
        }
        List<String> attached = user.value().get().attachedPolicyArns();
        List<String> missing = new ArrayList<>();
        if (!ManagedPolicies.attached(attached, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE)
            && !ManagedPolicies.attached(attached, ManagedPolicies.EC2_ROLE_FOR_SSM)) {
            missing.add(ManagedPolicies.SSM_MANAGED_INSTANCE_CORE);
        }
        if (!ManagedPolicies.attached(attached, ManagedPolicies.SECURITY_AUDIT)) {
            missing.add(ManagedPolicies.SECURITY_AUDIT);
        }
        if (missing.isEmpty()) {
            return type.pass(account, "IAM user " + userName + " has " + ssmPolicy(attached) + " and SecurityAudit");
        }
        return type.fail(account, "IAM user " + userName + " lacks " + String.join(", ", missing.stream()
                .map(policy -> ManagedPolicies.SSM_MANAGED_INSTANCE_CORE.equals(policy)
                    ? "AmazonSSMManagedInstanceCore (or the older AmazonEC2RoleforSSM)" : ManagedPolicies.name(policy))
                .toList()),
            attach(userName, missing));
    }

    private static List<String> required() {
        return List.of(ManagedPolicies.SSM_MANAGED_INSTANCE_CORE, ManagedPolicies.SECURITY_AUDIT);
    }

    private static String ssmPolicy(List<String> attached) {
        return ManagedPolicies.attached(attached, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE)
            ? "AmazonSSMManagedInstanceCore" : "AmazonEC2RoleforSSM";
    }

    private static String attach(String userName, List<String> policies) {
        return String.join("\n", policies.stream()
            .map(policy -> "aws iam attach-user-policy --user-name " + userName + " --policy-arn " + policy).toList());
    }
}
