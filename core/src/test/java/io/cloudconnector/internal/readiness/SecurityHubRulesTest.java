package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHubRulesTest {

    private static final String CIS_ARN = "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0";
    private static final String FSBP_ARN =
        "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0";

    @Test
    void evaluate_enabledWithFindingsAndReadyCis_passesAll() {
        List<ReadinessCheck> checks = evaluate(hub(true, standard(FSBP_ARN, "READY"), standard(CIS_ARN, "READY")));

        assertThat(checks).extracting(ReadinessCheck::id)
            .containsExactly("securityhub.enabled", "securityhub.findings", "securityhub.cis");
        assertThat(checks).extracting(ReadinessCheck::status).containsOnly(Status.PASS);
        assertThat(only(checks, "securityhub.cis").evidence()).isEqualTo(CIS_ARN + " is READY");
    }

    @Test
    void evaluate_notSubscribed_failsNotErrors() {
        List<ReadinessCheck> checks = evaluate(SecurityHubFacts.builder().enabled(false).hasFindings(false).build());

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.id()).isEqualTo("securityhub.enabled");
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("not subscribed");
            assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("aws securityhub enable-security-hub --region eu-west-1"));
        });
    }

    @Test
    void evaluate_noFindingsYet_warnsThatDataTakesHours() {
        ReadinessCheck findings = only(evaluate(hub(false, standard(CIS_ARN, "READY"))), "securityhub.findings");

        assertThat(findings.status()).isEqualTo(Status.WARN);
        assertThat(findings.evidence()).contains("no findings", "several hours");
    }

    @Test
    void evaluate_cisMissing_warnsWithEnableCommand() {
        ReadinessCheck cis = only(evaluate(hub(true, standard(FSBP_ARN, "READY"))), "securityhub.cis");

        assertThat(cis.status()).isEqualTo(Status.WARN);
        assertThat(cis.evidence()).contains("None of the 1 enabled standards");
        assertThat(cis.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains(
            "batch-enable-standards --region eu-west-1", "standards/cis-aws-foundations-benchmark/v/3.0.0"));
    }

    @Test
    void evaluate_cisPending_warnsWithItsStatus() {
        ReadinessCheck cis = only(evaluate(hub(true, standard(CIS_ARN, "PENDING"))), "securityhub.cis");

        assertThat(cis.status()).isEqualTo(Status.WARN);
        assertThat(cis.evidence()).isEqualTo(CIS_ARN + " is PENDING, not READY");
    }

    @Test
    void evaluate_describeHubDenied_errorsNamingPermission() {
        List<ReadinessCheck> checks = SecurityHubRules.evaluate("eu-west-1",
            Gathered.failed(Fixtures.accessDenied("securityhub:DescribeHub", "eu-west-1")));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("Allow securityhub:DescribeHub"));
        });
    }

    private static SecurityHubFacts hub(boolean findings, StandardSubscription... standards) {
        return SecurityHubFacts.builder().enabled(true).hubArn("arn:aws:securityhub:eu-west-1:123456789012:hub/default")
            .hasFindings(findings).addStandards(standards).build();
    }

    private static StandardSubscription standard(String arn, String status) {
        return StandardSubscription.builder().standardsArn(arn).status(status)
            .subscriptionArn("arn:aws:securityhub:eu-west-1:123456789012:subscription/x").build();
    }

    private static List<ReadinessCheck> evaluate(SecurityHubFacts facts) {
        return SecurityHubRules.evaluate("eu-west-1", Gathered.value(facts));
    }
}
