package io.cloudconnector.internal.findings;

import java.util.List;
import java.util.Set;

/**
 * One sequence of {@code GetFindings} pages: the region called, the regions whose findings it delivers, and the
 * region filter sent with it.
 *
 * @param readRegion the region the calls go to
 * @param scope the regions whose findings this read delivers; a finding of any other region is dropped
 * @param regionFilter the {@code Region} values sent as a filter; empty when the scope has more values than a filter
 *     takes (the scope is then applied on arrival)
 * @param detail how the scope's regions are read, in words
 */
record RegionRead(String readRegion, Set<String> scope, List<String> regionFilter, String detail) {
}
