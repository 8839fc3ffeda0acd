package io.cloudconnector.internal.fleet;

import static io.cloudconnector.internal.fleet.Fixtures.discovered;
import static io.cloudconnector.internal.fleet.Fixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.spi.RunCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnboardingServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeFleet fleet = new FakeFleet();
    private final RecordingListener listener = new RecordingListener();
    /** One region at a time, so that the fake hands out command IDs and failures in a known order. */
    private final OnboardingService service = new OnboardingService(fleet, clock, clock::advance, 1);

    @Test
    void onboard_eligibleInstances_oneCommandPerRegionAndPlatformWithTheOptions() {
        OnboardingOptions options = OnboardingOptions.builder().maxConcurrency("10%").maxErrors("5")
            .executionTimeout(Duration.ofMinutes(20)).build();

        OnboardingResult result = service.onboard(Fixtures.spec(), discovery(), options, listener);

        assertThat(fleet.sent()).hasSize(3).allSatisfy(command -> {
            assertThat(command.maxConcurrency()).isEqualTo("10%");
            assertThat(command.maxErrors()).isEqualTo("5");
            assertThat(command.executionTimeout()).isEqualTo(Duration.ofMinutes(20));
            assertThat(command.comment()).isEqualTo("Azure Arc onboarding for connector Prod account");
        });
        assertThat(fleet.sent()).extracting(RunCommand::documentName, RunCommand::instanceIds).containsExactly(
            tuple("AWS-RunShellScript", List.of("i-l1", "i-l2")),
            tuple("AWS-RunPowerShellScript", List.of("i-w1")),
            tuple("AWS-RunShellScript", List.of("i-l3")));
        assertThat(fleet.sent().get(0).commands().get(0)).isEqualTo("set -eu");
        assertThat(fleet.sent().get(1).commands().get(0)).isEqualTo("$ErrorActionPreference = 'Stop'");
        assertThat(result.instances()).extracting(InstanceOnboarding::instanceId)
            .containsExactlyInAnyOrder("i-l1", "i-l2", "i-w1", "i-l3");
        assertThat(result.succeededCount()).isEqualTo(4);
        assertThat(result.commands()).extracting(command -> command.instanceIds().size()).containsExactly(2, 1, 1);
        assertThat(result.regions()).extracting(RegionOnboarding::region, RegionOnboarding::status).containsExactly(
            tuple("eu-west-1", RegionOnboarding.Status.OK),
            tuple("us-east-1", RegionOnboarding.Status.OK),
            tuple("ap-south-1", RegionOnboarding.Status.SKIPPED),
            tuple("sa-east-1", RegionOnboarding.Status.SKIPPED));
        assertThat(result.regions().get(3).cause()).contains("discovery failed: ec2:DescribeInstances denied");
        assertThat(result.correlationId()).hasSize(36);
    }

    @Test
    void onboard_perInstanceFailure_isReportedWithItsErrorTail() {
        fleet.answers("i-l2", () -> Optional.of(invocation("i-l2", "Failed", "Failed",
            "azcmagent: AZCM0016: Failed to connect")));

        OnboardingResult result = service.onboard(Fixtures.spec(), discovery(), OnboardingOptions.defaults(),
            listener);

        assertThat(result.instances(OnboardingStatus.FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.instanceId()).isEqualTo("i-l2");
            assertThat(failed.errorTail()).isEqualTo("azcmagent: AZCM0016: Failed to connect");
            assertThat(failed.commandId()).contains("cmd-1");
        });
        assertThat(result.failedCount()).isEqualTo(1);
        assertThat(listener.events()).contains("instanceFailed i-l2 FAILED", "instanceOnboarded i-l1");
    }

    @Test
    void onboard_sendFails_marksItsInstancesNotSentAndTheRegionFailed_otherBatchesGoOn() {
        fleet.failSends(1, new AccessDeniedException("ssm:SendCommand in eu-west-1 failed: AccessDeniedException",
            "aws", "ssm:SendCommand", "eu-west-1", 400, "AccessDeniedException", "r1", "ssm:SendCommand", null));

        OnboardingResult result = service.onboard(Fixtures.spec(), discovery(), OnboardingOptions.defaults(),
            listener);

        assertThat(result.instances(OnboardingStatus.NOT_SENT)).extracting(InstanceOnboarding::instanceId)
            .containsExactly("i-l1", "i-l2");
        assertThat(result.instances(OnboardingStatus.NOT_SENT).get(0).detail()).contains("AccessDeniedException");
        assertThat(result.instances(OnboardingStatus.SUCCEEDED)).extracting(InstanceOnboarding::instanceId)
            .containsExactlyInAnyOrder("i-w1", "i-l3");
        RegionOnboarding euWest = result.regions().get(0);
        assertThat(euWest.status()).isEqualTo(RegionOnboarding.Status.FAILED);
        assertThat(euWest.cause()).hasValueSatisfying(cause -> assertThat(cause)
            .startsWith("ssm:SendCommand failed for 1 of 2 batches: ssm:SendCommand in eu-west-1 failed"));
        assertThat(result.regions().get(1).status()).isEqualTo(RegionOnboarding.Status.OK);
    }

    @Test
    void onboard_listener_hearsBatchesInstancesAndRegions() {
        service.onboard(Fixtures.spec(), discovery(), OnboardingOptions.defaults(), listener);

        assertThat(listener.events()).contains(
            "batchSent eu-west-1 AWS-RunShellScript [i-l1, i-l2]",
            "batchSent eu-west-1 AWS-RunPowerShellScript [i-w1]",
            "batchSent us-east-1 AWS-RunShellScript [i-l3]",
            "instanceOnboarded i-w1",
            "regionOnboarded eu-west-1 OK",
            "regionOnboarded ap-south-1 SKIPPED");
    }

    @Test
    void onboard_autoProvisionOff_sendsNothing() {
        OnboardingResult result = service.onboard(Fixtures.spec(Fixtures.arc().autoProvision(false).build()),
            discovery(), OnboardingOptions.defaults(), listener);

        assertThat(fleet.sent()).isEmpty();
        assertThat(result.instances()).isEmpty();
        assertThat(result.regions()).allSatisfy(region -> {
            assertThat(region.status()).isEqualTo(RegionOnboarding.Status.SKIPPED);
            assertThat(region.cause()).contains("Azure Arc auto-provisioning is off in the spec (arc.autoProvision)");
        });
    }

    @Test
    void onboard_specWithoutArcSettings_throwsNamingTheField() {
        assertThatThrownBy(() -> service.onboard(Fixtures.specWithoutArc(), discovery(), OnboardingOptions.defaults(),
            listener))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("arc: must be set to onboard EC2 instances to Azure Arc");
        assertThat(fleet.sent()).isEmpty();
    }

    @Test
    void onboard_resultAndCommands_neverPrintTheSecret() {
        fleet.answers("i-l1", () -> Optional.of(invocation("i-l1", "Failed", "Failed",
            "echoed by a broken agent: " + Fixtures.SP_SECRET)));

        OnboardingResult result = service.onboard(Fixtures.spec(), discovery(), OnboardingOptions.defaults(),
            listener);

        assertThat(result.toString()).doesNotContain("s3cr").contains("echoed by a broken agent: ***");
        assertThat(fleet.sent()).allSatisfy(command -> {
            assertThat(String.join("\n", command.commands())).contains("s3cr");
            assertThat(command.toString()).doesNotContain("s3cr");
        });
    }

    @Test
    void onboard_secondRunAfterConnecting_sendsNothingForConnectedInstances() {
        List<DiscoveredInstance> rescanned = new ArrayList<>();
        rescanned.add(discovered("i-l1", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.ALREADY_CONNECTED));
        rescanned.add(discovered("i-l2", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.ELIGIBLE));
        DiscoveryResult discovery = DiscoveryResult.builder().awsAccountId("123456789012")
            .discoveredAt(clock.instant()).addRegions(region("eu-west-1", RegionDiscovery.Status.OK))
            .addAllInstances(rescanned).build();

        service.onboard(Fixtures.spec(), discovery, OnboardingOptions.defaults(), listener);

        assertThat(fleet.sent()).singleElement().extracting(RunCommand::instanceIds).isEqualTo(List.of("i-l2"));
    }

    private DiscoveryResult discovery() {
        return DiscoveryResult.builder()
            .awsAccountId("123456789012")
            .discoveredAt(clock.instant())
            .addRegions(region("eu-west-1", RegionDiscovery.Status.OK), region("us-east-1", RegionDiscovery.Status.OK),
                RegionDiscovery.builder().region("ap-south-1").status(RegionDiscovery.Status.SKIPPED)
                    .cause("not enabled for this account (opt-in status not-opted-in)").build(),
                RegionDiscovery.builder().region("sa-east-1").status(RegionDiscovery.Status.FAILED)
                    .cause("ec2:DescribeInstances denied").build())
            .addInstances(
                discovered("i-l1", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.ELIGIBLE),
                discovered("i-w1", "eu-west-1", InstancePlatform.WINDOWS, OnboardingVerdict.ELIGIBLE),
                discovered("i-l2", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.ELIGIBLE),
                discovered("i-x1", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.ALREADY_CONNECTED),
                discovered("i-x2", "eu-west-1", InstancePlatform.LINUX, OnboardingVerdict.SSM_OFFLINE),
                discovered("i-l3", "us-east-1", InstancePlatform.LINUX, OnboardingVerdict.ELIGIBLE))
            .build();
    }

    private static RegionDiscovery region(String region, RegionDiscovery.Status status) {
        return RegionDiscovery.builder().region(region).status(status).build();
    }
}
