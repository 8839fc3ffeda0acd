package io.cloudconnector.internal.fleet;

import static io.cloudconnector.internal.fleet.Fixtures.discovered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    @Test
    void plan_120EligibleLinuxInOneRegion_makesThreeCommandsOfAtMost50() {
        List<DiscoveredInstance> instances = IntStream.range(0, 120)
            .mapToObj(i -> discovered("i-" + i, "us-east-1", InstancePlatform.LINUX, OnboardingVerdict.ELIGIBLE))
            .toList();

        List<PlannedBatch> batches = BatchPlanner.plan(instances);

        assertThat(batches).extracting(batch -> batch.instanceIds().size()).containsExactly(50, 50, 20);
        assertThat(batches).extracting(PlannedBatch::documentName).containsOnly("AWS-RunShellScript");
        assertThat(batches.stream().flatMap(batch -> batch.instanceIds().stream()))
            .containsExactlyElementsOf(instances.stream().map(DiscoveredInstance::instanceId).toList());
    }

    @Test
    void plan_mixedPlatformsAndRegions_neverMixesLinuxAndWindowsOrRegions() {
        List<DiscoveredInstance> instances = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            InstancePlatform platform = i % 2 == 0 ? InstancePlatform.LINUX : InstancePlatform.WINDOWS;
            String region = i % 3 == 0 ? "eu-west-1" : "us-east-1";
            instances.add(discovered("i-" + i, region, platform, OnboardingVerdict.ELIGIBLE));
        }

        List<PlannedBatch> batches = BatchPlanner.plan(instances);

        for (PlannedBatch batch : batches) {
            assertThat(batch.instanceIds()).hasSizeLessThanOrEqualTo(50).allSatisfy(id -> {
                DiscoveredInstance instance = instances.stream().filter(i -> i.instanceId().equals(id)).findFirst()
                    .orElseThrow();
                assertThat(instance.platform()).isEqualTo(batch.platform());
                assertThat(instance.region()).isEqualTo(batch.region());
            });
        }
        assertThat(batches).extracting(PlannedBatch::region, PlannedBatch::documentName).containsExactly(
            tuple("eu-west-1", "AWS-RunShellScript"),
            tuple("eu-west-1", "AWS-RunPowerShellScript"),
            tuple("us-east-1", "AWS-RunShellScript"),
            tuple("us-east-1", "AWS-RunPowerShellScript"));
        assertThat(batches.stream().mapToInt(batch -> batch.instanceIds().size()).sum()).isEqualTo(60);
    }

    @Test
    void plan_onlyEligibleInstances() {
        List<DiscoveredInstance> instances = new ArrayList<>();
        for (OnboardingVerdict verdict : OnboardingVerdict.values()) {
            instances.add(discovered("i-" + verdict, "us-east-1", InstancePlatform.LINUX, verdict));
        }

        List<PlannedBatch> batches = BatchPlanner.plan(instances);

        assertThat(batches).singleElement().satisfies(batch ->
            assertThat(batch.instanceIds()).containsExactly("i-ELIGIBLE"));
    }

    @Test
    void plan_nothingEligible_plansNothing() {
        assertThat(BatchPlanner.plan(List.of(discovered("i-1", "us-east-1", InstancePlatform.WINDOWS,
            OnboardingVerdict.SSM_OFFLINE)))).isEmpty();
    }
}
