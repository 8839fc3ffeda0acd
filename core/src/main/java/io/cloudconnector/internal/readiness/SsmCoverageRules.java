package io.cloudconnector.internal.readiness;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Check 7, per region: the share of running EC2 instances that SSM manages and sees online, and for each one it does
 * not, the likely reason (agent offline, no instance profile, not registered). Instances without SSM cannot be
 * onboarded to Azure Arc, so they are WARNs, not FAILs: the connector itself still works.
 */
final class SsmCoverageRules {

    private static final String RUNNING = "running";
    private static final String ONLINE = "Online";

    private SsmCoverageRules() {
    }

    static List<ReadinessCheck> evaluate(String region, Gathered<SsmFleet> facts) {
        Where where = Where.region(region);
        if (!facts.ok()) {
            return List.of(Failures.error(CheckType.SSM_COVERAGE, where, facts));
        }
        List<Ec2Instance> running = facts.value().instances().stream()
            .filter(instance -> RUNNING.equals(instance.state())).toList();
        Map<String, ManagedInstance> managed = facts.value().managed().stream()
            .collect(Collectors.toMap(ManagedInstance::instanceId, Function.identity(), (a, b) -> a));
        List<Ec2Instance> uncovered = running.stream().filter(instance -> !online(managed.get(instance.instanceId())))
            .toList();

        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(coverage(where, running.size(), uncovered.size()));
        uncovered.forEach(instance -> checks.add(uncovered(instance, managed.get(instance.instanceId()))));
        return checks;
    }

    private static boolean online(ManagedInstance managed) {
        return managed != null && ONLINE.equalsIgnoreCase(managed.pingStatus());
    }

    private static ReadinessCheck coverage(Where where, int running, int uncovered) {
        if (running == 0) {
            return CheckType.SSM_COVERAGE.pass(where, "No running EC2 instances in " + where.region());
        }
        int covered = running - uncovered;
        String share = covered + " of " + running + " running EC2 instances (" + (covered * 100 / running) + "%)";
        if (uncovered == 0) {
            return CheckType.SSM_COVERAGE.pass(where, share + " are managed by SSM and online");
        }
        return CheckType.SSM_COVERAGE.warn(where,
            share + " are managed by SSM and online; the others cannot be onboarded to Azure Arc",
            "See the ssm.instance checks of " + where.region() + " for each instance's likely reason");
    }

    private static ReadinessCheck uncovered(Ec2Instance instance, ManagedInstance managed) {
        Where where = Where.instance(instance.instanceId(), instance.region());
        String who = describe(instance);
        if (managed != null) {
            return CheckType.SSM_INSTANCE.warn(where,
                who + " is registered with SSM, but its agent is offline (PingStatus " + managed.pingStatus() + ")",
                "Start the SSM agent (Linux: sudo systemctl restart amazon-ssm-agent; Windows: Restart-Service "
                    + "AmazonSSMAgent) and make sure the instance reaches the ssm, ssmmessages and ec2messages "
                    + "endpoints of " + instance.region());
        }
        Optional<String> profile = instance.instanceProfileArn();
        if (profile.isEmpty()) {
            return CheckType.SSM_INSTANCE.warn(where,
                who + " has no instance profile, so its SSM agent cannot register",
                "Attach an instance profile whose role has AmazonSSMManagedInstanceCore:\naws ec2 "
                    + "associate-iam-instance-profile --region " + instance.region() + " --instance-id "
                    + instance.instanceId() + " --iam-instance-profile Name=<profile name>");
        }
        return CheckType.SSM_INSTANCE.warn(where,
            who + " is not registered with SSM although instance profile " + profile.get() + " is attached: the "
                + "agent may be missing, or the profile's role may lack AmazonSSMManagedInstanceCore",
            "Attach AmazonSSMManagedInstanceCore to the profile's role (aws iam attach-role-policy --role-name <role> "
                + "--policy-arn " + ManagedPolicies.SSM_MANAGED_INSTANCE_CORE + "), install or start the SSM agent, "
                + "and make sure the instance reaches the SSM endpoints of " + instance.region());
    }

    private static String describe(Ec2Instance instance) {
        String name = instance.tags().get("Name");
        return "Instance " + instance.instanceId() + (name == null ? "" : " (" + name + ")");
    }
}
