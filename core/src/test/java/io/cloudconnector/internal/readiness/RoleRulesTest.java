package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.MICROSOFT_ROOT;
import static io.cloudconnector.internal.readiness.Fixtures.SUBSCRIPTION;
import static io.cloudconnector.internal.readiness.Fixtures.documentedStatement;
import static io.cloudconnector.internal.readiness.Fixtures.only;
import static io.cloudconnector.internal.readiness.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

    private static final String CONDITION =
        "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + SUBSCRIPTION + "\"}}";

    @Test
    void evaluate_documentedTrustPolicyAndPolicies_passesEveryCheck() {
        List<ReadinessCheck> checks = evaluate(policy("[" + documentedStatement(SUBSCRIPTION) + "]"));

        assertThat(checks).extracting(ReadinessCheck::id)
            .containsExactly("iam.role.trust", "iam.role.external-id", "iam.role.policies");
        assertThat(checks).extracting(ReadinessCheck::status).containsOnly(Status.PASS);
        assertThat(only(checks, "iam.role.external-id").evidence()).contains(SUBSCRIPTION, "Azure subscription ID");
    }

    @Test
    void evaluate_statementAsObjectNotList_passes() {
        List<ReadinessCheck> checks = evaluate(policy(documentedStatement(SUBSCRIPTION)));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_principalAsList_passes() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
            + "\"arn:aws:iam::999999999999:root\",\"" + MICROSOFT_ROOT + "\"]},\"Action\":\"sts:AssumeRole\","
            + CONDITION + "}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_principalAsBareAccountId_passes() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"158177204117\"},\"Action\":\"sts:AssumeRole\"," + CONDITION + "}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_principalOfAnotherAccountOnly_failsTrust() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::999999999999:root\"},\"Action\":\"sts:AssumeRole\"," + CONDITION + "}]"));

        ReadinessCheck trust = only(checks, "iam.role.trust");
        assertThat(trust.status()).isEqualTo(Status.FAIL);
        assertThat(trust.evidence()).contains("No statement", "158177204117");
        assertThat(trust.remediation()).hasValueSatisfying(fix -> assertThat(fix)
            .contains("aws iam update-assume-role-policy --role-name AscConnector", MICROSOFT_ROOT, SUBSCRIPTION));
        assertThat(checks).extracting(ReadinessCheck::id).doesNotContain("iam.role.external-id");
    }

    @Test
    void evaluate_principalWildcardString_passesTrustButFailsMissingExternalId() {
        List<ReadinessCheck> checks = evaluate(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sts:AssumeRole\"}"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.FAIL);
    }

    @Test
    void evaluate_actionList_passes() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":[\"sts:TagSession\",\"sts:AssumeRole\"]," + CONDITION + "}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_actionWildcardAnyCase_passes() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":\"STS:*\"," + CONDITION + "}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_otherActionOnly_failsTrust() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"," + CONDITION + "}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.FAIL);
    }

    @Test
    void evaluate_externalIdConditionMissing_failsExplainingAnyoneCouldAssume() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\"}]"));

        ReadinessCheck externalId = only(checks, "iam.role.external-id");
        assertThat(externalId.status()).isEqualTo(Status.FAIL);
        assertThat(externalId.evidence()).contains("statement 1", "does not require sts:ExternalId",
            "anyone's Defender for Cloud connector could assume the role");
        assertThat(externalId.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains(SUBSCRIPTION));
    }

    @Test
    void evaluate_externalIdOnlyIfExists_failsAsMissing() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEqualsIfExists\":"
            + "{\"sts:ExternalId\":\"" + SUBSCRIPTION + "\"}}}]"));

        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.FAIL);
    }

    @Test
    void evaluate_wrongExternalId_failsNamingBoth() {
        List<ReadinessCheck> checks = evaluate(policy("[" + documentedStatement("some-other-id") + "]"));

        ReadinessCheck externalId = only(checks, "iam.role.external-id");
        assertThat(externalId.status()).isEqualTo(Status.FAIL);
        assertThat(externalId.evidence()).contains("[some-other-id]", SUBSCRIPTION);
    }

    @Test
    void evaluate_externalIdValuesAsList_passesWhenOneMatches() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + MICROSOFT_ROOT + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
            + "{\"sts:externalid\":[\"old-id\",\"" + SUBSCRIPTION + "\"]}}}]"));

        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_denyStatement_failsTrustBecauseDenyWins() {
        List<ReadinessCheck> checks = evaluate(policy("[" + documentedStatement(SUBSCRIPTION) + ","
            + "{\"Sid\":\"NoMicrosoft\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"158177204117\"},"
            + "\"Action\":\"sts:*\"}]"));

        ReadinessCheck trust = only(checks, "iam.role.trust");
        assertThat(trust.status()).isEqualTo(Status.FAIL);
        assertThat(trust.evidence()).contains("Deny statement 'NoMicrosoft'", "a Deny wins");
        assertThat(checks).extracting(ReadinessCheck::id).doesNotContain("iam.role.external-id");
    }

    @Test
    void evaluate_denyOnlyForOtherExternalIds_doesNotBlock() {
        List<ReadinessCheck> checks = evaluate(policy("[" + documentedStatement(SUBSCRIPTION) + ","
            + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Condition\":"
            + "{\"StringNotEquals\":{\"sts:ExternalId\":\"" + SUBSCRIPTION + "\"}}}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_severalStatementsOneWithoutExternalId_failsNamingIt() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}," + documentedStatement(SUBSCRIPTION) + ","
            + "{\"Sid\":\"Legacy\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + MICROSOFT_ROOT + "\"},"
            + "\"Action\":\"sts:AssumeRole\"}]"));

        assertThat(statusOf(checks, "iam.role.trust")).isEqualTo(Status.PASS);
        ReadinessCheck externalId = only(checks, "iam.role.external-id");
        assertThat(externalId.status()).isEqualTo(Status.FAIL);
        assertThat(externalId.evidence()).contains("statement 'Legacy'").doesNotContain("statement 1");
    }

    @Test
    void evaluate_severalStatementsWithOtherPrincipals_passes() {
        List<ReadinessCheck> checks = evaluate(policy("[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}," + documentedStatement(SUBSCRIPTION) + "]"));

        assertThat(only(checks, "iam.role.trust").evidence()).contains("statement 2");
        assertThat(statusOf(checks, "iam.role.external-id")).isEqualTo(Status.PASS);
    }

    @Test
    void evaluate_missingPolicies_failsNamingEachWithCommands() {
        IamPrincipalFacts role = Fixtures.role(policy("[" + documentedStatement(SUBSCRIPTION) + "]"),
            ManagedPolicies.SECURITY_AUDIT);

        ReadinessCheck policies = only(RoleRules.evaluate(Fixtures.assumeRoleSpec(), Gathered.value(Optional.of(role))),
            "iam.role.policies");

        assertThat(policies.status()).isEqualTo(Status.FAIL);
        assertThat(policies.evidence()).contains("AmazonSSMAutomationRole", "AWSSecurityHubReadOnlyAccess")
            .doesNotContain("SecurityAudit");
        assertThat(policies.remediation()).hasValue(
            "aws iam attach-role-policy --role-name AscConnector --policy-arn "
                + "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole\n"
                + "aws iam attach-role-policy --role-name AscConnector --policy-arn "
                + "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess");
    }

    @Test
    void evaluate_customerPolicyNamedLikeManagedOne_doesNotCount() {
        IamPrincipalFacts role = Fixtures.role(policy("[" + documentedStatement(SUBSCRIPTION) + "]"),
            "arn:aws:iam::123456789012:policy/SecurityAudit", ManagedPolicies.SSM_AUTOMATION_ROLE,
            "arn:aws-us-gov:iam::aws:policy/AWSSecurityHubReadOnlyAccess");

        ReadinessCheck policies = only(RoleRules.evaluate(Fixtures.assumeRoleSpec(), Gathered.value(Optional.of(role))),
            "iam.role.policies");

        assertThat(policies.status()).isEqualTo(Status.FAIL);
        assertThat(policies.evidence()).endsWith("lacks SecurityAudit");
    }

    @Test
    void evaluate_roleMissing_failsWithCreateSteps() {
        List<ReadinessCheck> checks = RoleRules.evaluate(Fixtures.assumeRoleSpec(), Gathered.value(Optional.empty()));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("AscConnector does not exist");
            assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("158177204117",
                SUBSCRIPTION, "SecurityAudit, AmazonSSMAutomationRole, AWSSecurityHubReadOnlyAccess"));
        });
    }

    @Test
    void evaluate_roleUnreadable_errorsNamingPermission() {
        List<ReadinessCheck> checks = RoleRules.evaluate(Fixtures.assumeRoleSpec(),
            Gathered.failed(Fixtures.accessDenied("iam:GetRole", null)));

        assertThat(checks).extracting(ReadinessCheck::status).containsExactly(Status.ERROR, Status.ERROR);
        assertThat(checks.get(0).remediation()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
            "Allow iam:GetRole"));
    }

    @Test
    void evaluate_trustPolicyNotJson_errors() {
        List<ReadinessCheck> checks = evaluate("%7B%22Version%22");

        assertThat(only(checks, "iam.role.trust").status()).isEqualTo(Status.ERROR);
        assertThat(only(checks, "iam.role.trust").evidence()).contains("could not be read", "not valid JSON");
    }

    private static List<ReadinessCheck> evaluate(String trustPolicy) {
        IamPrincipalFacts role = Fixtures.role(trustPolicy, Fixtures.rolePolicies().toArray(String[]::new));
        return RoleRules.evaluate(Fixtures.assumeRoleSpec(), Gathered.value(Optional.of(role)));
    }

    private static Status statusOf(List<ReadinessCheck> checks, String id) {
        return only(checks, id).status();
    }
}
