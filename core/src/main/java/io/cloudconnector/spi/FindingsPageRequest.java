package io.cloudconnector.spi;

import io.cloudconnector.FindingQuery;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The request for one page of {@code securityhub:GetFindings}, sorted by {@code UpdatedAt}, oldest first. */
@Value.Immutable
public interface FindingsPageRequest {

    /** The region to call. */
    String region();

    /** The criteria, each turned into a filter of EQUALS comparisons ({@code UpdatedAt} into a date filter). */
    FindingQuery query();

    /**
     * The {@code Region} values to filter on (EQUALS, ORed), so that a region's read never returns another region's
     * findings; empty for no region filter. At most {@value FindingQuery#MAX_VALUES}.
     */
    List<String> regionFilter();

    /** The token of the page to read; empty for the first page. */
    Optional<String> nextToken();

    static ImmutableFindingsPageRequest.Builder builder() {
        return ImmutableFindingsPageRequest.builder();
    }
}
