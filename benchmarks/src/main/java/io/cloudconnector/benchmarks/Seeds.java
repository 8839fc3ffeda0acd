package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import io.cloudconnector.testkit.SandboxSeed.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts the benchmarks play, each the default seed's account (users, roles, standards, Azure side) with the
 * regions, hubs and instances a benchmark needs and none of the default findings (the benchmarks generate theirs).
 */
final class Seeds {

    /** Sixteen regions that need no opt-in, in the order the discovery benchmark names them. */
    static final List<String> SIXTEEN_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
        "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1");

    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/AmazonSSMRoleForInstances";

    private Seeds() {
    }

    /** Security Hub on in {@code hubRegions} (and every listed region enabled), no instances, no findings. */
    static SandboxSeed findings(List<String> hubRegions) {
        return seed(regions(Set.copyOf(hubRegions)), hubRegions, List.of());
    }

    /** {@code perRegion} running, SSM-managed Ubuntu 18.04 instances in each of {@code regions}. */
    static SandboxSeed fleet(List<String> regions, int perRegion) {
        List<Instance> instances = new ArrayList<>();
        for (String region : regions) {
            for (int i = 0; i < perRegion; i++) {
                instances.add(instance(region, instances.size()));
            }
        }
        return seed(regions(Set.of()), regions, instances);
    }

    /** The sandbox's spec, reading {@code regions}. */
    static ConnectorSpec spec(CloudSandbox sandbox, List<String> regions) {
        return ConnectorSpec.builder().from(sandbox.spec()).regions(regions).build();
    }

    private static SandboxSeed seed(List<Region> regions, List<String> specRegions, List<Instance> instances) {
        SandboxSeed base = SandboxSeed.defaultSeed();
        return new SandboxSeed(base.accountId(), base.callerUserName(), regions, specRegions,
            base.connectorRoleName(), base.onboardingUserName(), base.roles(), base.users(), instances,
            base.standards(), List.of(), Optional.empty(), List.of(), base.azure());
    }

    private static List<Region> regions(Set<String> hubRegions) {
        List<Region> regions = new ArrayList<>();
        for (String name : SIXTEEN_REGIONS) {
            Optional<SandboxSeed.SecurityHub> hub = hubRegions.contains(name)
                ? Optional.of(new SandboxSeed.SecurityHub(Instant.parse("2024-01-15T09:30:00Z"), "SECURITY_CONTROL",
                    List.of()))
                : Optional.empty();
            regions.add(new Region(name, "opt-in-not-required", Optional.empty(), hub));
        }
        return regions;
    }

    private static Instance instance(String region, int number) {
        String id = String.format("i-0%016x", 0x5eed000000L + number);
        return new Instance(id, region, "bench-" + number, "running", "Linux", "Ubuntu", "18.04", "Linux/UNIX",
            "t3.medium", "ami-0123456789abcdef0", Optional.of(PROFILE), Optional.of("Online"), "3.3.1345.0", true,
            Map.of("Environment", "bench"));
    }
}
