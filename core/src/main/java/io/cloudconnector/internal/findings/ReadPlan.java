package io.cloudconnector.internal.findings;

import io.cloudconnector.FindingQuery;
import io.cloudconnector.spi.AggregatorFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which regions to call for findings, so that every region of the spec is covered once. Without a finding aggregator
 * each region is read by itself, filtered on its own name. With one, the regions it links are read through its home
 * region in one sequence, filtered on those regions (a home region also returns linked regions outside the spec);
 * regions it does not link are read by themselves.
 */
final class ReadPlan {

    private static final String ALL_REGIONS = "ALL_REGIONS";
    private static final String ALL_REGIONS_EXCEPT_SPECIFIED = "ALL_REGIONS_EXCEPT_SPECIFIED";
    private static final String SPECIFIED_REGIONS = "SPECIFIED_REGIONS";

    private ReadPlan() {
    }

    /** The reads covering {@code regions} (enabled ones, in order) given the account's aggregator, if any. */
    static List<RegionRead> of(List<String> regions, Optional<AggregatorFacts> aggregator) {
        List<RegionRead> reads = new ArrayList<>();
        Set<String> linked = new LinkedHashSet<>();
        aggregator.ifPresent(facts -> regions.stream().filter(region -> isLinked(facts, region)).forEach(linked::add));
        if (!linked.isEmpty()) {
            String home = aggregator.orElseThrow().homeRegion();
            List<String> filter = linked.size() <= FindingQuery.MAX_VALUES ? List.copyOf(linked) : List.of();
            reads.add(new RegionRead(home, Set.copyOf(linked), filter,
                "read through the finding aggregator's home region " + home));
        }
        regions.stream().filter(region -> !linked.contains(region))
            .forEach(region -> reads.add(new RegionRead(region, Set.of(region), List.of(region), "read directly")));
        return reads;
    }

    private static boolean isLinked(AggregatorFacts aggregator, String region) {
        if (region.equals(aggregator.homeRegion())) {
            return true;
        }
        return switch (aggregator.linkingMode()) {
            case ALL_REGIONS -> true;
            case ALL_REGIONS_EXCEPT_SPECIFIED -> !aggregator.regions().contains(region);
            case SPECIFIED_REGIONS -> aggregator.regions().contains(region);
            default -> false;
        };
    }
}
