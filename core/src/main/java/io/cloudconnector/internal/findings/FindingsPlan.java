package io.cloudconnector.internal.findings;

import io.cloudconnector.RegionResult;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import java.util.List;
import java.util.Map;

/**
 * The regions of a spec and the reads that cover the enabled ones.
 *
 * @param selected every region of the spec, enabled or not with why
 * @param reads the reads covering the enabled regions, each once
 */
record FindingsPlan(List<SelectedRegion> selected, List<RegionRead> reads) {

    /** The enabled regions. */
    List<String> enabledRegions() {
        return selected.stream().filter(SelectedRegion::enabled).map(SelectedRegion::region).toList();
    }

    /** The result of every region of the spec, given the regions that failed and why. */
    List<RegionResult> results(Map<String, String> failures) {
        return selected.stream().map(region -> result(region, failures)).toList();
    }

    private RegionResult result(SelectedRegion region, Map<String, String> failures) {
        if (!region.enabled()) {
            return RegionResult.of(region.region(), RegionResult.Status.SKIPPED, region.reason());
        }
        String failure = failures.get(region.region());
        if (failure != null) {
            return RegionResult.of(region.region(), RegionResult.Status.FAILED, failure);
        }
        String detail = reads.stream().filter(read -> read.scope().contains(region.region()))
            .map(RegionRead::detail).findFirst().orElse("read");
        return RegionResult.of(region.region(), RegionResult.Status.READ, detail);
    }
}
