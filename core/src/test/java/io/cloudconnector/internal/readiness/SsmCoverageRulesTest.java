package io.cloudconnector.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Scope;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SsmCoverageRulesTest {

    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/ssm";

    @Test
    void evaluate_everyRunningInstanceOnline_passes() {
        List<ReadinessCheck> checks = evaluate(List.of(instance("i-1", "running", PROFILE),
            instance("i-2", "stopped", null)), List.of(managed("i-1", "Online")));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.PASS);
            assertThat(check.evidence()).isEqualTo("1 of 1 running EC2 instances (100%) are managed by SSM and online");
        });
    }

    @Test
    void evaluate_noRunningInstances_passes() {
        List<ReadinessCheck> checks = evaluate(List.of(instance("i-2", "stopped", null)), List.of());

        assertThat(checks).singleElement().satisfies(check -> assertThat(check.evidence())
            .isEqualTo("No running EC2 instances in eu-west-1"));
    }

    @Test
    void evaluate_uncoveredInstances_warnsWithShareAndEachLikelyReason() {
        List<ReadinessCheck> checks = evaluate(
            List.of(instance("i-online", "running", PROFILE), instance("i-lost", "running", PROFILE),
                instance("i-noprofile", "running", null), instance("i-unregistered", "running", PROFILE)),
            List.of(managed("i-online", "Online"), managed("i-lost", "ConnectionLost")));

        assertThat(checks).extracting(ReadinessCheck::id)
            .containsExactly("ssm.coverage", "ssm.instance", "ssm.instance", "ssm.instance");
        assertThat(checks).extracting(ReadinessCheck::status).containsOnly(Status.WARN);
        assertThat(checks.get(0).evidence()).startsWith("1 of 4 running EC2 instances (25%)");
        assertThat(checks.subList(1, 4)).extracting(ReadinessCheck::target)
            .containsExactly("i-lost", "i-noprofile", "i-unregistered");
        assertThat(checks.subList(1, 4)).allSatisfy(check -> {
            assertThat(check.scope()).isEqualTo(Scope.INSTANCE);
            assertThat(check.region()).hasValue("eu-west-1");
        });
        assertThat(checks.get(1).evidence()).contains("agent is offline (PingStatus ConnectionLost)");
        assertThat(checks.get(2).evidence()).contains("(web-i-noprofile)", "no instance profile");
        assertThat(checks.get(2).remediation()).hasValueSatisfying(fix -> assertThat(fix)
            .contains("associate-iam-instance-profile --region eu-west-1 --instance-id i-noprofile"));
        assertThat(checks.get(3).evidence()).contains("not registered with SSM", PROFILE);
    }

    @Test
    void evaluate_fleetUnreadable_errors() {
        List<ReadinessCheck> checks = SsmCoverageRules.evaluate("eu-west-1",
            Gathered.failed(Fixtures.accessDenied("ssm:DescribeInstanceInformation", "eu-west-1")));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.id()).isEqualTo("ssm.coverage");
            assertThat(check.status()).isEqualTo(Status.ERROR);
        });
    }

    private static List<ReadinessCheck> evaluate(List<Ec2Instance> instances, List<ManagedInstance> managed) {
        return SsmCoverageRules.evaluate("eu-west-1", Gathered.value(new SsmFleet(instances, managed)));
    }

    private static Ec2Instance instance(String id, String state, String profile) {
        return Ec2Instance.builder().instanceId(id).region("eu-west-1").state(state).instanceProfileArn(
            Optional.ofNullable(profile)).tags(Map.of("Name", "web-" + id)).build();
    }

    private static ManagedInstance managed(String id, String pingStatus) {
        return ManagedInstance.builder().instanceId(id).pingStatus(pingStatus).build();
    }
}
