package io.cloudconnector.internal.fleet;

import static io.cloudconnector.internal.fleet.Fixtures.arcMachine;
import static io.cloudconnector.internal.fleet.Fixtures.ec2;
import static io.cloudconnector.internal.fleet.Fixtures.ssm;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ArcStatus;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SupportedOsTable;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetJoinTest {

    private static final String ID = "i-0123456789abcdef0";

    @Test
    void join_runningUbuntuOnlineNotInArc_isEligibleNamingTheRow() {
        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"), Optional.of(ssm(ID)), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ELIGIBLE);
        assertThat(instance.osRow()).contains("Ubuntu 18.04");
        assertThat(instance.reason()).contains("row 'Ubuntu 18.04'").contains("reported by SSM")
            .contains("SSM agent preinstalled");
        assertThat(instance.platform()).isEqualTo(InstancePlatform.LINUX);
        assertThat(instance.osName()).isEqualTo("Ubuntu");
        assertThat(instance.osVersion()).contains("18.04");
        assertThat(instance.ssmManaged()).isTrue();
        assertThat(instance.pingStatus()).contains("Online");
        assertThat(instance.ssmAgentVersion()).contains("3.2.582.0");
        assertThat(instance.arcStatus()).isEqualTo(ArcStatus.NOT_ONBOARDED);
        assertThat(instance.name()).contains("web-" + ID);
    }

    @Test
    void join_connectedArcMachine_isAlreadyConnectedWithItsResourceId() {
        ArcMachine machine = arcMachine(ID, "Connected");

        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"), Optional.of(ssm(ID)),
            List.of(machine));

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ALREADY_CONNECTED);
        assertThat(instance.arcStatus()).isEqualTo(ArcStatus.CONNECTED);
        assertThat(instance.arcResourceId()).contains(machine.id());
    }

    @Test
    void join_arcMachineNamedOtherwise_matchesByInstanceIdTag() {
        ArcMachine machine = ArcMachine.builder().id("/subscriptions/s/resourceGroups/rg/providers/"
            + "Microsoft.HybridCompute/machines/web01").name("web01").status("Connected")
            .putTags("instanceid", ID).build();

        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"), Optional.of(ssm(ID)),
            List.of(machine));

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ALREADY_CONNECTED);
    }

    @Test
    void join_disconnectedArcMachine_isEligibleAgainAndSaysSo() {
        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"), Optional.of(ssm(ID)),
            List.of(arcMachine(ID, "Disconnected")));

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ELIGIBLE);
        assertThat(instance.arcStatus()).isEqualTo(ArcStatus.DISCONNECTED);
        assertThat(instance.reason()).contains("Arc machine is DISCONNECTED");
    }

    @Test
    void join_stoppedInstance_isNotRunning() {
        DiscoveredInstance instance = joinOne(stopped(), Optional.empty(), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.NOT_RUNNING);
        assertThat(instance.reason()).contains("EC2 state is stopped");
    }

    @Test
    void join_noSsmAgentAndNoInstanceProfile_isNoSsmAgentNamingTheProfile() {
        Ec2Instance ec2 = Ec2Instance.builder().from(ec2(ID, "eu-west-1"))
            .instanceProfileArn(Optional.empty()).build();

        DiscoveredInstance instance = joinOne(ec2, Optional.empty(), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.NO_SSM_AGENT);
        assertThat(instance.reason()).contains("no instance profile");
        assertThat(instance.ssmManaged()).isFalse();
        assertThat(instance.osName()).isEqualTo("Linux/UNIX");
    }

    @Test
    void join_ssmConnectionLost_isSsmOffline() {
        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"),
            Optional.of(ManagedInstance.builder().from(ssm(ID)).pingStatus("ConnectionLost").build()), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.SSM_OFFLINE);
        assertThat(instance.reason()).contains("ConnectionLost");
    }

    @Test
    void join_amazonLinux_isUnsupportedListingTheLinuxRows() {
        DiscoveredInstance instance = joinOne(ec2(ID, "eu-west-1"),
            Optional.of(ManagedInstance.builder().from(ssm(ID)).platformName("Amazon Linux").platformVersion("2")
                .build()), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.UNSUPPORTED_OS);
        assertThat(instance.osRow()).isEmpty();
        assertThat(instance.reason()).startsWith("Amazon Linux 2 (x86_64, reported by SSM) matches no LINUX row")
            .contains("Ubuntu 16.04").contains("Red Hat Enterprise Linux 7 (x64)").doesNotContain("Windows Server");
    }

    @Test
    void join_rhel7OnArm_isUnsupportedBecauseTheRowIsX64Only() {
        Ec2Instance ec2 = Ec2Instance.builder().from(ec2(ID, "eu-west-1")).architecture("arm64").build();

        DiscoveredInstance instance = joinOne(ec2, Optional.of(ManagedInstance.builder().from(ssm(ID))
            .platformName("Red Hat Enterprise Linux Server").platformVersion("7.9").build()), List.of());

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.UNSUPPORTED_OS);
    }

    @Test
    void join_windowsWithoutSsmPlatformName_usesEc2PlatformDetails() {
        Ec2Instance ec2 = Ec2Instance.builder().from(ec2(ID, "eu-west-1")).platform("windows")
            .platformDetails("Windows").build();
        ManagedInstance agent = ManagedInstance.builder().instanceId(ID).pingStatus("Online").build();

        DiscoveredInstance instance = joinOne(ec2, Optional.of(agent), List.of());

        assertThat(instance.platform()).isEqualTo(InstancePlatform.WINDOWS);
        assertThat(instance.osName()).isEqualTo("Windows");
        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ELIGIBLE);
        assertThat(instance.reason()).contains("row 'Windows Server'").contains("reported by EC2");
    }

    @Test
    void join_connectedWinsOverEveryOtherRule() {
        DiscoveredInstance instance = joinOne(stopped(), Optional.empty(), List.of(arcMachine(ID, "Connected")));

        assertThat(instance.verdict()).isEqualTo(OnboardingVerdict.ALREADY_CONNECTED);
    }

    private static Ec2Instance stopped() {
        return Ec2Instance.builder().from(ec2(ID, "eu-west-1")).state("stopped").build();
    }

    private static DiscoveredInstance joinOne(Ec2Instance ec2, Optional<ManagedInstance> ssm,
        List<ArcMachine> machines) {
        List<DiscoveredInstance> joined = new FleetJoin(SupportedOsTable.defaults(), machines)
            .join(List.of(ec2), ssm.map(List::of).orElse(List.of()));
        assertThat(joined).hasSize(1);
        return joined.get(0);
    }
}
