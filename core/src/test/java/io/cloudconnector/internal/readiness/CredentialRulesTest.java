package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.CallerIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    private static final CallerIdentity ASSUMED = CallerIdentity.builder().account(Fixtures.ACCOUNT)
        .arn("arn:aws:sts::123456789012:assumed-role/AscConnector/cloud-connector-sdk").userId("AROA1:sdk").build();

    @Test
    void evaluate_roleAssumedInSpecAccount_passesBoth() {
        ConnectorSpec spec = Fixtures.assumeRoleSpec();

        List<ReadinessCheck> checks = CredentialRules.evaluate(spec, Gathered.value(ASSUMED));

        assertThat(checks).extracting(ReadinessCheck::id).containsExactly("credentials.assume-role", "credentials");
        assertThat(checks).extracting(ReadinessCheck::status).containsOnly(Status.PASS);
        assertThat(checks.get(0).evidence()).contains(Fixtures.ROLE_ARN, "External ID " + SUBSCRIPTION);
        assertThat(CredentialRules.usable(spec, Gathered.value(ASSUMED))).isTrue();
    }

    @Test
    void evaluate_credentialsOfAnotherAccount_failsAndStops() {
        ConnectorSpec spec = Fixtures.accessKeySpec();
        CallerIdentity other = CallerIdentity.builder().account("999999999999")
            .arn("arn:aws:iam::999999999999:user/ops").userId("AIDA1").build();

        List<ReadinessCheck> checks = CredentialRules.evaluate(spec, Gathered.value(other));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("account 999999999999", "names account 123456789012");
        });
        assertThat(CredentialRules.usable(spec, Gathered.value(other))).isFalse();
    }

    @Test
    void evaluate_assumeRoleRefused_failsWithStsMessage() {
        AccessDeniedException refused = new AccessDeniedException("sts:AssumeRole in us-east-1 failed: AccessDenied "
            + "(HTTP 403): User: arn:aws:iam::111122223333:user/host is not authorized to perform: sts:AssumeRole on "
            + "resource: " + Fixtures.ROLE_ARN, "aws", "sts:AssumeRole", "us-east-1", 403, "AccessDenied", "r1",
            "sts:AssumeRole", null);

        List<ReadinessCheck> checks = CredentialRules.evaluate(Fixtures.assumeRoleSpec(), Gathered.failed(refused));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.id()).isEqualTo("credentials.assume-role");
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("Could not assume " + Fixtures.ROLE_ARN, SUBSCRIPTION,
                "is not authorized to perform: sts:AssumeRole");
        });
    }

    @Test
    void evaluate_accessKeysRejected_fails() {
        CloudServiceException rejected = new CloudServiceException("sts:GetCallerIdentity in us-east-1 failed: "
            + "InvalidClientTokenId (HTTP 403): The security token included in the request is invalid.", "aws",
            "sts:GetCallerIdentity", "us-east-1", 403, "InvalidClientTokenId", "r2", false, null);

        List<ReadinessCheck> checks = CredentialRules.evaluate(Fixtures.accessKeySpec(), Gathered.failed(rejected));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.id()).isEqualTo("credentials");
            assertThat(check.status()).isEqualTo(Status.FAIL);
            assertThat(check.evidence()).contains("InvalidClientTokenId");
        });
    }

    @Test
    void evaluate_stsUnreachable_errors() {
        CloudServiceException unreachable = new CloudServiceException("sts:GetCallerIdentity in us-east-1 failed "
            + "before AWS answered: Connection refused", "aws", "sts:GetCallerIdentity", "us-east-1", 0, null, null,
            true, null);

        List<ReadinessCheck> checks = CredentialRules.evaluate(Fixtures.accessKeySpec(),
            Gathered.failed(unreachable));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("can be reached"));
        });
    }
}
