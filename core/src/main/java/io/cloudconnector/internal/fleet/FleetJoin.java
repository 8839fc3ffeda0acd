package io.cloudconnector.internal.fleet;

import io.cloudconnector.ArcStatus;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SupportedOs;
import io.cloudconnector.SupportedOsTable;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Joins EC2 instances with their SSM status and their Azure Arc machine, and decides each instance's onboarding
 * verdict. The verdict rules are tried in order; the first that applies decides: Arc Connected, not running, no SSM
 * agent, SSM agent not online, OS not in the table; otherwise the instance is eligible.
 */
public final class FleetJoin {

    private static final String RUNNING = "running";
    private static final String ONLINE = "Online";

    private final SupportedOsTable osTable;
    private final ArcIndex arc;

    /** A join against {@code osTable} and the Arc machines of the spec's resource group. */
    public FleetJoin(SupportedOsTable osTable, List<ArcMachine> arcMachines) {
        this.osTable = osTable;
        this.arc = new ArcIndex(arcMachines);
    }

    /** Every instance of {@code instances}, in order, joined with its entry of {@code managed} and its Arc machine. */
    public List<DiscoveredInstance> join(List<Ec2Instance> instances, List<ManagedInstance> managed) {
        Map<String, ManagedInstance> ssmById = managed.stream()
            .collect(Collectors.toMap(ManagedInstance::instanceId, Function.identity(), (first, second) -> first));
        return instances.stream().map(instance -> describe(instance, Optional.ofNullable(ssmById.get(
            instance.instanceId())))).toList();
    }

    private DiscoveredInstance describe(Ec2Instance ec2, Optional<ManagedInstance> ssm) {
        Optional<ArcMachine> machine = arc.find(ec2.instanceId());
        ArcStatus arcStatus = machine.map(FleetJoin::arcStatus).orElse(ArcStatus.NOT_ONBOARDED);
        InstancePlatform platform = platform(ec2, ssm);
        Os os = os(ec2, ssm);
        Optional<SupportedOs> row = osTable.find(platform, os.name(), os.version(), ec2.architecture());
        Facts facts = new Facts(ec2, ssm, machine, arcStatus, platform, os, row);
        Decision decision = decide(facts);
        return DiscoveredInstance.builder()
            .instanceId(ec2.instanceId())
            .region(ec2.region())
            .state(ec2.state())
            .name(Optional.ofNullable(ec2.tags().get("Name")))
            .tags(ec2.tags())
            .platform(platform)
            .osName(os.name())
            .osVersion(os.version())
            .architecture(ec2.architecture())
            .ssmManaged(ssm.isPresent())
            .pingStatus(ssm.map(ManagedInstance::pingStatus))
            .ssmAgentVersion(ssm.flatMap(ManagedInstance::agentVersion))
            .arcStatus(arcStatus)
            .arcResourceId(machine.map(ArcMachine::id))
            .osRow(row.map(SupportedOs::name))
            .verdict(decision.verdict())
            .reason(decision.reason())
            .build();
    }

    private Decision decide(Facts facts) {
        if (facts.arcStatus() == ArcStatus.CONNECTED) {
            return new Decision(OnboardingVerdict.ALREADY_CONNECTED,
                "Connected in Azure Arc as " + facts.machine().orElseThrow().id() + "; nothing to do");
        }
        if (!RUNNING.equals(facts.ec2().state())) {
            return new Decision(OnboardingVerdict.NOT_RUNNING,
                "EC2 state is " + facts.ec2().state() + "; Run Command reaches running instances only");
        }
        if (facts.ssm().isEmpty()) {
            return new Decision(OnboardingVerdict.NO_SSM_AGENT, noSsmAgentReason(facts.ec2()));
        }
        String ping = facts.ssm().orElseThrow().pingStatus();
        if (!ONLINE.equalsIgnoreCase(ping)) {
            return new Decision(OnboardingVerdict.SSM_OFFLINE,
                "SSM agent ping status is " + ping + ", not Online; Run Command cannot reach it now");
        }
        if (facts.row().isEmpty()) {
            return new Decision(OnboardingVerdict.UNSUPPORTED_OS, facts.os().describe(facts.ec2())
                + " matches no " + facts.platform() + " row of the supported-OS table (" + rowNames(facts.platform())
                + ")");
        }
        return new Decision(OnboardingVerdict.ELIGIBLE, eligibleReason(facts));
    }

    private static String noSsmAgentReason(Ec2Instance ec2) {
        if (ec2.instanceProfileArn().isEmpty()) {
            return "no SSM agent reports for it, and it has no instance profile (the agent needs one with the "
                + "AmazonSSMManagedInstanceCore policy)";
        }
        return "no SSM agent reports for it: install the agent, or check that its instance profile "
            + ec2.instanceProfileArn().orElseThrow() + " allows SSM";
    }

    private static String eligibleReason(Facts facts) {
        SupportedOs row = facts.row().orElseThrow();
        String agent = row.ssmAgentPreinstalled() ? "preinstalled" : "installed by the owner";
        String reason = facts.os().describe(facts.ec2()) + " matches row '" + row.name()
            + "' of the supported-OS table (SSM agent " + agent + "); SSM agent Online";
        if (facts.arcStatus() != ArcStatus.NOT_ONBOARDED) {
            reason += "; its Arc machine is " + facts.arcStatus() + " and is onboarded again";
        }
        return reason;
    }

    private String rowNames(InstancePlatform platform) {
        List<String> names = osTable.rows().stream().filter(row -> row.platform() == platform)
            .map(SupportedOs::name).toList();
        return names.isEmpty() ? "it has none" : "rows: " + String.join(", ", names);
    }

    private static ArcStatus arcStatus(ArcMachine machine) {
        String status = machine.status().orElse("");
        if ("Connected".equalsIgnoreCase(status)) {
            return ArcStatus.CONNECTED;
        }
        return "Error".equalsIgnoreCase(status) ? ArcStatus.ERROR : ArcStatus.DISCONNECTED;
    }

    private static InstancePlatform platform(Ec2Instance ec2, Optional<ManagedInstance> ssm) {
        Optional<String> type = ssm.flatMap(ManagedInstance::platformType);
        if (type.isPresent()) {
            String value = type.orElseThrow();
            if ("Windows".equalsIgnoreCase(value)) {
                return InstancePlatform.WINDOWS;
            }
            return "MacOS".equalsIgnoreCase(value) ? InstancePlatform.MACOS : InstancePlatform.LINUX;
        }
        boolean windows = ec2.platform().map("windows"::equalsIgnoreCase).orElse(false)
            || ec2.platformDetails().map(details -> details.startsWith("Windows")).orElse(false);
        return windows ? InstancePlatform.WINDOWS : InstancePlatform.LINUX;
    }

    private static Os os(Ec2Instance ec2, Optional<ManagedInstance> ssm) {
        Optional<String> ssmName = ssm.flatMap(ManagedInstance::platformName).filter(name -> !name.isBlank());
        if (ssmName.isPresent()) {
            return new Os(ssmName.orElseThrow(), ssm.flatMap(ManagedInstance::platformVersion), "SSM");
        }
        String ec2Name = ec2.platformDetails()
            .or(() -> ec2.platform().map(platform -> "windows".equalsIgnoreCase(platform) ? "Windows" : platform))
            .orElse("unknown OS");
        return new Os(ec2Name, Optional.empty(), "EC2");
    }

    /** An OS name and version, and who reported them. */
    private record Os(String name, Optional<String> version, String source) {

        String describe(Ec2Instance ec2) {
            return name + version.map(v -> " " + v).orElse("")
                + ec2.architecture().map(arch -> " (" + arch + ", ").orElse(" (") + "reported by " + source + ")";
        }
    }

    private record Facts(Ec2Instance ec2, Optional<ManagedInstance> ssm, Optional<ArcMachine> machine,
        ArcStatus arcStatus, InstancePlatform platform, Os os, Optional<SupportedOs> row) {
    }

    private record Decision(OnboardingVerdict verdict, String reason) {
    }
}
