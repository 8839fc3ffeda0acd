package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.ReadinessReport.Verdict;
import io.cloudconnector.RegionReadiness;
import io.cloudconnector.ThrottledException;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.FleetPort;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");

    private final FakeAws aws = new FakeAws();

    @Test
    void check_everyPrerequisiteMet_isReady() {
        ReadinessReport report = check(Fixtures.assumeRoleSpec("us-east-1", "eu-west-1"));

        assertThat(report.checks(Status.PASS)).hasSameSizeAs(report.checks());
        assertThat(report.verdict()).isEqualTo(Verdict.READY);
        assertThat(report.accountId()).isEqualTo(Fixtures.ACCOUNT);
        assertThat(report.checkedAt()).isEqualTo(NOW);
        assertThat(report.regions()).extracting(RegionReadiness::region).containsExactly("us-east-1", "eu-west-1");
        assertThat(report.checks()).extracting(ReadinessCheck::id).startsWith("credentials.assume-role",
            "credentials", "iam.role.trust", "iam.role.external-id", "iam.role.policies", "regions");
    }

    @Test
    void check_oneRegionThrottled_marksItsChecksErrorAndCompletesTheOthers() {
        aws.failingRegions.put("eu-west-1", new ThrottledException("config:DescribeConfigurationRecorders in "
            + "eu-west-1 failed: ThrottlingException (HTTP 400): Rate exceeded", "aws",
            "config:DescribeConfigurationRecorders", "eu-west-1", 400, "ThrottlingException", "r1", null));

        ReadinessReport report = check(Fixtures.assumeRoleSpec("us-east-1", "eu-west-1"));

        List<ReadinessCheck> failed = regionChecks(report, "eu-west-1");
        assertThat(failed).extracting(ReadinessCheck::id)
            .containsExactly("config.recorder", "securityhub.enabled", "ssm.coverage");
        assertThat(failed).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.evidence()).contains("Rate exceeded");
        });
        assertThat(regionChecks(report, "us-east-1")).hasSize(6).extracting(ReadinessCheck::status)
            .containsOnly(Status.PASS);
        assertThat(report.regions()).satisfiesExactly(
            region -> assertThat(region.status()).isEqualTo(Status.PASS),
            region -> {
                assertThat(region.status()).isEqualTo(Status.ERROR);
                assertThat(region.errors()).singleElement().asString().contains("ThrottlingException");
            });
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void check_securityHubDeniedInOneRegion_keepsThatRegionsOtherChecks() {
        aws.failingSecurityHub.put("eu-west-1", Fixtures.accessDenied("securityhub:DescribeHub", "eu-west-1"));

        ReadinessReport report = check(Fixtures.assumeRoleSpec("us-east-1", "eu-west-1"));

        List<ReadinessCheck> checks = regionChecks(report, "eu-west-1");
        assertThat(only(checks, "securityhub.enabled").status()).isEqualTo(Status.ERROR);
        assertThat(only(checks, "config.recorder").status()).isEqualTo(Status.PASS);
        assertThat(only(checks, "ssm.coverage").status()).isEqualTo(Status.PASS);
    }

    @Test
    void check_regionNotOptedIn_failsItAndNeverCallsIt() {
        ReadinessReport report = check(Fixtures.assumeRoleSpec("us-east-1", "ap-east-1"));

        assertThat(aws.calledRegions).containsExactly("us-east-1");
        assertThat(only(report.checks(), "region.enabled").target()).isEqualTo("ap-east-1");
        assertThat(report.regions()).satisfiesExactly(
            region -> assertThat(region.enabled()).isTrue(),
            region -> {
                assertThat(region.enabled()).isFalse();
                assertThat(region.status()).isEqualTo(Status.FAIL);
                assertThat(region.errors()).isEmpty();
            });
    }

    @Test
    void check_specWithoutRegions_checksEveryEnabledRegion() {
        check(Fixtures.assumeRoleSpec());

        assertThat(aws.calledRegions).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
    }

    @Test
    void check_credentialsOfAnotherAccount_stopsAfterTheCredentials() {
        aws.identity = CallerIdentity.builder().account("999999999999").arn("arn:aws:iam::999999999999:user/x")
            .userId("AIDA").build();

        ReadinessReport report = check(Fixtures.accessKeySpec("us-east-1"));

        assertThat(report.checks()).extracting(ReadinessCheck::id).containsExactly("credentials");
        assertThat(report.regions()).isEmpty();
        assertThat(aws.calledRegions).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void check_regionsUnlisted_errorsAndCallsNoRegion() {
        aws.regionsFailure = Fixtures.accessDenied("ec2:DescribeRegions", "us-east-1");

        ReadinessReport report = check(Fixtures.assumeRoleSpec("us-east-1"));

        assertThat(only(report.checks(), "regions").status()).isEqualTo(Status.ERROR);
        assertThat(aws.calledRegions).isEmpty();
    }

    @Test
    void check_accessKeysWithSameOnboardingUser_checksTheUserOnceForBothPurposes() {
        aws.identity = CallerIdentity.builder().account(Fixtures.ACCOUNT)
            .arn("arn:aws:iam::123456789012:user/connector").userId("AIDA").build();
        aws.users.put("connector", Fixtures.user("connector", ManagedPolicies.SECURITY_AUDIT));
        ConnectorSpec spec = Fixtures.base("us-east-1")
            .authentication(Fixtures.accessKeySpec().authentication()).onboardingUserName("connector").build();

        ReadinessReport report = check(spec);

        assertThat(aws.userLookups).containsExactly("connector");
        assertThat(only(report.checks(), "iam.user.policies").status()).isEqualTo(Status.FAIL);
        assertThat(only(report.checks(), "iam.onboarding-user.policies").status()).isEqualTo(Status.FAIL);
        assertThat(report.checks()).extracting(ReadinessCheck::id).doesNotContain("iam.role.trust");
    }

    @Test
    void check_fleetNotAvailable_reportsSsmCoverageError() {
        FakeAws noFleet = new FakeAws() {
            @Override
            public FleetPort fleet() {
                throw new UnsupportedOperationException("fleet operations are not implemented");
            }
        };

        ReadinessReport report = new ReadinessService(noFleet, 2, Clock.fixed(NOW, ZoneOffset.UTC))
            .check(Fixtures.assumeRoleSpec("us-east-1"));

        assertThat(only(report.checks(), "ssm.coverage").status()).isEqualTo(Status.ERROR);
        assertThat(only(report.checks(), "securityhub.enabled").status()).isEqualTo(Status.PASS);
    }

    private ReadinessReport check(ConnectorSpec spec) {
        return new ReadinessService(aws, 2, Clock.fixed(NOW, ZoneOffset.UTC)).check(spec);
    }

    private static List<ReadinessCheck> regionChecks(ReadinessReport report, String region) {
        return report.checks().stream().filter(check -> check.region().filter(region::equals).isPresent()).toList();
    }
}
