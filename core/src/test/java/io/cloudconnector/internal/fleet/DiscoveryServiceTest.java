package io.cloudconnector.internal.fleet;

import static io.cloudconnector.internal.fleet.Fixtures.arcMachine;
import static io.cloudconnector.internal.fleet.Fixtures.ec2;
import static io.cloudconnector.internal.fleet.Fixtures.ssm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ArcStatus;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.SupportedOs;
import io.cloudconnector.SupportedOsTable;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.RegionInfo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeFleet fleet = new FakeFleet();
    private final RecordingListener listener = new RecordingListener();
    private final AtomicInteger arcCalls = new AtomicInteger();
    private final ArcPort arc = spec -> {
        arcCalls.incrementAndGet();
        return List.of(arcMachine("i-connected", "Connected"));
    };

    @Test
    void discover_mixedFleet_joinsEc2SsmAndArcWithVerdicts() {
        fleet.region("eu-west-1", List.of(ec2("i-eligible", "eu-west-1"),
                ec2("i-connected", "eu-west-1"),
                Ec2Instance.builder().from(ec2("i-stopped", "eu-west-1")).state("stopped").build(),
                ec2("i-noagent", "eu-west-1"), ec2("i-offline", "eu-west-1")),
            List.of(ssm("i-eligible"), ssm("i-connected"),
                ManagedInstance.builder().from(ssm("i-offline")).pingStatus("ConnectionLost").build()));

        DiscoveryResult result = service(FakeAccount.enabled("eu-west-1")).discover(Fixtures.spec(),
            SupportedOsTable.defaults(), listener);

        assertThat(result.instances()).extracting(DiscoveredInstance::instanceId, DiscoveredInstance::verdict)
            .containsExactly(
                tuple("i-eligible", OnboardingVerdict.ELIGIBLE),
                tuple("i-connected", OnboardingVerdict.ALREADY_CONNECTED),
                tuple("i-stopped", OnboardingVerdict.NOT_RUNNING),
                tuple("i-noagent", OnboardingVerdict.NO_SSM_AGENT),
                tuple("i-offline", OnboardingVerdict.SSM_OFFLINE));
        assertThat(result.countsByVerdict()).containsEntry(OnboardingVerdict.ELIGIBLE, 1)
            .containsEntry(OnboardingVerdict.UNSUPPORTED_OS, 0).hasSize(OnboardingVerdict.values().length);
        assertThat(result.awsAccountId()).isEqualTo("123456789012");
        assertThat(result.discoveredAt()).isEqualTo(clock.instant());
        assertThat(result.regions()).singleElement().satisfies(region -> {
            assertThat(region.status()).isEqualTo(RegionDiscovery.Status.OK);
            assertThat(region.instanceCount()).isEqualTo(5);
        });
    }

    @Test
    void discover_regionNotOptedIn_marksRegionSkippedAndNeverCallsIt() {
        FakeAccount account = new FakeAccount(() -> List.of(RegionInfo.of("eu-west-1", "opt-in-not-required"),
            RegionInfo.of("af-south-1", "not-opted-in")));
        fleet.failRegion("af-south-1", new IllegalStateException("af-south-1 must not be called"));
        ConnectorSpec spec = ConnectorSpec.builder().from(Fixtures.spec()).regions(List.of("eu-west-1", "af-south-1"))
            .build();

        DiscoveryResult result = service(account).discover(spec, SupportedOsTable.defaults(), listener);

        assertThat(result.regions()).extracting(RegionDiscovery::region, RegionDiscovery::status).containsExactly(
            tuple("eu-west-1", RegionDiscovery.Status.OK), tuple("af-south-1", RegionDiscovery.Status.SKIPPED));
        assertThat(result.regions().get(1).cause()).contains("not enabled for this account (opt-in status "
            + "not-opted-in)");
        assertThat(listener.events()).contains("regionDiscovered af-south-1 SKIPPED");
    }

    @Test
    void discover_oneRegionFails_theOthersKeepTheirInstances() {
        fleet.region("eu-west-1", List.of(ec2("i-eu", "eu-west-1")), List.of(ssm("i-eu")))
            .region("us-east-1", List.of(ec2("i-us", "us-east-1")), List.of())
            .failRegion("ap-southeast-2", new AccessDeniedException("ec2:DescribeInstances in ap-southeast-2 failed: "
                + "UnauthorizedOperation (HTTP 403)", "aws", "ec2:DescribeInstances", "ap-southeast-2", 403,
                "UnauthorizedOperation", "r1", "ec2:DescribeInstances", null));

        DiscoveryResult result = service(FakeAccount.enabled("eu-west-1", "ap-southeast-2", "us-east-1"))
            .discover(Fixtures.spec(), SupportedOsTable.defaults(), listener);

        assertThat(result.instances()).extracting(DiscoveredInstance::instanceId).containsExactly("i-eu", "i-us");
        assertThat(result.failedRegions()).singleElement().satisfies(region -> {
            assertThat(region.region()).isEqualTo("ap-southeast-2");
            assertThat(region.cause()).hasValueSatisfying(cause -> assertThat(cause)
                .contains("ec2:DescribeInstances in ap-southeast-2").contains("UnauthorizedOperation"));
        });
        assertThat(listener.events()).contains("regionDiscovered ap-southeast-2 FAILED",
            "regionDiscovered eu-west-1 OK", "regionDiscovered us-east-1 OK");
    }

    @Test
    void discover_specWithoutArcSettings_readsNoArcMachines() {
        fleet.region("eu-west-1", List.of(ec2("i-connected", "eu-west-1")),
            List.of(ssm("i-connected")));

        DiscoveryResult result = service(FakeAccount.enabled("eu-west-1")).discover(Fixtures.specWithoutArc(),
            SupportedOsTable.defaults(), listener);

        assertThat(arcCalls).hasValue(0);
        assertThat(result.instances()).singleElement().extracting(DiscoveredInstance::arcStatus)
            .isEqualTo(ArcStatus.NOT_ONBOARDED);
    }

    @Test
    void discover_regionsCannotBeListed_throws() {
        FakeAccount account = new FakeAccount(() -> {
            throw new AccessDeniedException("ec2:DescribeRegions failed", "aws", "ec2:DescribeRegions", "us-east-1",
                403, "UnauthorizedOperation", "r1", "ec2:DescribeRegions", null);
        });

        assertThatThrownBy(() -> service(account).discover(Fixtures.spec(), SupportedOsTable.defaults(), listener))
            .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ec2:DescribeRegions");
    }

    @Test
    void discover_hostTable_decidesWhatIsSupported() {
        fleet.region("eu-west-1", List.of(ec2("i-al2", "eu-west-1")), List.of(ManagedInstance.builder()
            .from(ssm("i-al2")).platformName("Amazon Linux").platformVersion("2").build()));
        SupportedOsTable table = SupportedOsTable.defaults().plus(SupportedOs.builder()
            .name("Amazon Linux 2").platform(InstancePlatform.LINUX)
            .osNamePattern("Amazon Linux").versionPattern("2").build());

        DiscoveryResult result = service(FakeAccount.enabled("eu-west-1")).discover(Fixtures.spec(), table, listener);

        assertThat(result.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ELIGIBLE);
            assertThat(instance.reason()).contains("row 'Amazon Linux 2'");
        });
    }

    private DiscoveryService service(FakeAccount account) {
        return new DiscoveryService(account, fleet, arc, clock, 2);
    }
}
