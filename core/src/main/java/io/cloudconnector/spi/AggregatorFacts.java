package io.cloudconnector.spi;

import java.util.List;
import org.immutables.value.Value;

/** The account's Security Hub finding aggregator ({@code GetFindingAggregator}). */
@Value.Immutable
public interface AggregatorFacts {

    /** The aggregator's ARN. */
    String arn();

    /** The home region ({@code FindingAggregationRegion}): GetFindings there returns the linked regions' findings. */
    String homeRegion();

    /** {@code ALL_REGIONS}, {@code ALL_REGIONS_EXCEPT_SPECIFIED}, {@code SPECIFIED_REGIONS} or {@code NO_REGIONS}. */
    String linkingMode();

    /** The regions the linking mode names (linked, or excluded for {@code ALL_REGIONS_EXCEPT_SPECIFIED}). */
    List<String> regions();

    static ImmutableAggregatorFacts.Builder builder() {
        return ImmutableAggregatorFacts.builder();
    }
}
