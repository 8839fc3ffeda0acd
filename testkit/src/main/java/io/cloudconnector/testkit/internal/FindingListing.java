package io.cloudconnector.testkit.internal;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one GetFindings query lists, position by position: the seed's matching findings (already filtered and sorted)
 * and the generated findings of the visible regions (filtered as they are made). Sorted by {@code UpdatedAt}, the
 * generated findings, all older than the seed's, come first in ascending order and last in descending order. A page
 * token holds a position in this listing.
 */
final class FindingListing {

    private final List<FindingStore.Stored> seeded;
    private final SyntheticFindings synthetic;
    private final List<String> generatedRegions;
    private final boolean ascending;
    private final Predicate<FindingStore.Stored> filter;
    private final int generated;

    /**
     * @param seeded the seed's findings that match, in the query's order
     * @param generatedRegions the regions whose generated findings are visible, in name order; empty for none
     * @param ascending whether the order is {@code UpdatedAt} ascending
     * @param filter the query's filter, applied to generated findings
     */
    FindingListing(List<FindingStore.Stored> seeded, SyntheticFindings synthetic, List<String> generatedRegions,
        boolean ascending, Predicate<FindingStore.Stored> filter) {
        this.seeded = seeded;
        this.synthetic = synthetic;
        this.generatedRegions = generatedRegions;
        this.ascending = ascending;
        this.filter = filter;
        this.generated = generatedRegions.isEmpty() ? 0 : synthetic.perRegion() * generatedRegions.size();
    }

    /** The number of positions. */
    int size() {
        return seeded.size() + generated;
    }

    /** The finding at {@code position} when it matches the query; null when it does not. */
    FindingStore.Stored matchAt(int position) {
        int firstSeeded = ascending ? generated : 0;
        if (position >= firstSeeded && position < firstSeeded + seeded.size()) {
            return seeded.get(position - firstSeeded);
        }
        int index = ascending ? position : generated - 1 - (position - seeded.size());
        FindingStore.Stored finding = synthetic.at(generatedRegions, index);
        return filter.test(finding) ? finding : null;
    }

    /** The first position at or after {@code position} that holds a match; {@link #size()} when none does. */
    int nextMatch(int position) {
        int at = position;
        while (at < size() && matchAt(at) == null) {
            at++;
        }
        return at;
    }
}
