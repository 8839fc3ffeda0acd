package io.cloudconnector.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserRulesTest {

    @Test
    void userName_userArnWithPath_isLastSegment() {
        assertThat(UserRules.userName("arn:aws:iam::123456789012:user/ops/connector")).hasValue("connector");
        assertThat(UserRules.userName("arn:aws:iam::123456789012:root")).isEmpty();
    }

    @Test
    void evaluate_managedInstanceCoreAndSecurityAudit_passes() {
        ReadinessCheck check = evaluate(Fixtures.user("arc", ManagedPolicies.SSM_MANAGED_INSTANCE_CORE,
            ManagedPolicies.SECURITY_AUDIT));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.evidence()).isEqualTo("IAM user arc has AmazonSSMManagedInstanceCore and SecurityAudit");
    }

    @Test
    void evaluate_olderEc2RoleForSsm_passes() {
        ReadinessCheck check = evaluate(Fixtures.user("arc", ManagedPolicies.EC2_ROLE_FOR_SSM,
            ManagedPolicies.SECURITY_AUDIT));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.evidence()).contains("AmazonEC2RoleforSSM");
    }

    @Test
    void evaluate_noPolicies_failsNamingBothWithCommands() {
        ReadinessCheck check = evaluate(Fixtures.user("arc"));

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.evidence()).isEqualTo("IAM user arc lacks AmazonSSMManagedInstanceCore (or the older "
            + "AmazonEC2RoleforSSM), SecurityAudit");
        assertThat(check.remediation()).hasValue(
            "aws iam attach-user-policy --user-name arc --policy-arn "
                + "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore\n"
                + "aws iam attach-user-policy --user-name arc --policy-arn arn:aws:iam::aws:policy/SecurityAudit");
    }

    @Test
    void evaluate_userMissing_fails() {
        ReadinessCheck check = UserRules.evaluate(CheckType.ONBOARDING_USER_POLICIES, Fixtures.accessKeySpec(), "arc",
            Gathered.value(Optional.empty()));

        assertThat(check.id()).isEqualTo("iam.onboarding-user.policies");
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix)
            .startsWith("aws iam create-user --user-name arc"));
    }

    @Test
    void notAUser_rootKeys_warns() {
        ReadinessCheck check = UserRules.notAUser(Fixtures.accessKeySpec(), "arn:aws:iam::123456789012:root");

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.evidence()).contains("not an IAM user");
    }

    private static ReadinessCheck evaluate(IamPrincipalFacts user) {
        return UserRules.evaluate(CheckType.USER_POLICIES, Fixtures.accessKeySpec(), user.name(),
            Gathered.value(Optional.of(user)));
    }
}
