package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingResource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the current findings of one control say about each resource. Per resource and region the newest finding
 * counts (a finding delivered again in a newer version replaces its older one); across regions resources are
 * pooled: FAILED in any region makes the resource FAILED, else PASSED in any region makes it PASSED, else it keeps
 * WARNING or NOT_AVAILABLE, which count neither way.
 */
final class ControlEvidence {

    private final Map<String, Map<String, Observation>> byResource = new HashMap<>();

    /** Takes in one finding's result for each of its resources. */
    void add(Finding finding, ComplianceStatus status) {
        for (FindingResource resource : finding.resources()) {
            byResource.computeIfAbsent(resource.id(), id -> new HashMap<>())
                .merge(finding.region(), new Observation(status, finding.updatedAt()), Observation::newer);
        }
    }

    /** Each resource's pooled status, by resource ID in order. */
    Map<String, ComplianceStatus> pooled() {
        Map<String, ComplianceStatus> pooled = new TreeMap<>();
        byResource.forEach((resource, regions) -> pooled.put(resource, regions.values().stream()
            .map(Observation::status).reduce(ControlEvidence::worse).orElseThrow()));
        return pooled;
    }

    /** How many resources pooled to {@code status}. */
    long count(ComplianceStatus status) {
        return pooled().values().stream().filter(status::equals).count();
    }

    private static ComplianceStatus worse(ComplianceStatus a, ComplianceStatus b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(ComplianceStatus status) {
        return switch (status) {
            case FAILED -> 3;
            case PASSED -> 2;
            case WARNING -> 1;
            case NOT_AVAILABLE -> 0;
        };
    }

    /** One region's newest word on a resource. */
    private record Observation(ComplianceStatus status, Instant updatedAt) {

        static Observation newer(Observation a, Observation b) {
            return b.updatedAt.isAfter(a.updatedAt) ? b : a;
        }
    }
}
