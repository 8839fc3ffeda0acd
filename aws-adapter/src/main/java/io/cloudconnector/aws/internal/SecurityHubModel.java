package io.cloudconnector.aws.internal;

import io.cloudconnector.FindingQuery;
import io.cloudconnector.spi.FindingsPageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.DateFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

/**
 * Between core and the Security Hub SDK model: a finding query as {@code GetFindings} filters. Findings themselves are
 * read by {@link FindingsBody}, not from the SDK model.
 */
final class SecurityHubModel {

    /**
     * The end of every {@code UpdatedAt} date filter. Security Hub rejects a date filter with a start alone, and the
     * filters must stay the same on every page of a read (the page token carries a checksum of them), so the end is
     * a fixed instant far ahead rather than "now".
     */
    static final String OPEN_END = "2999-12-31T23:59:59Z";

    private SecurityHubModel() {
    }

    /** The filters of a page request: each criterion as EQUALS comparisons, {@code UpdatedAt} as a date filter. */
    static AwsSecurityFindingFilters filters(FindingsPageRequest request) {
        FindingQuery query = request.query();
        AwsSecurityFindingFilters.Builder filters = AwsSecurityFindingFilters.builder();
        equalsAny(query.severityLabels()).ifPresent(filters::severityLabel);
        equalsAny(query.complianceStatuses()).ifPresent(filters::complianceStatus);
        equalsAny(query.recordStates()).ifPresent(filters::recordState);
        equalsAny(query.workflowStatuses()).ifPresent(filters::workflowStatus);
        equalsAny(query.resourceTypes()).ifPresent(filters::resourceType);
        equalsAny(query.productNames()).ifPresent(filters::productName);
        equalsAny(query.associatedStandards()).ifPresent(filters::complianceAssociatedStandardsId);
        equalsAny(request.regionFilter()).ifPresent(filters::region);
        query.updatedSince().ifPresent(since -> filters.updatedAt(DateFilter.builder()
            .start(since.toString()).end(OPEN_END).build()));
        return filters.build();
    }

    private static Optional<List<StringFilter>> equalsAny(Collection<?> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.stream().map(Object::toString).sorted()
            .map(value -> StringFilter.builder().value(value).comparison(StringFilterComparison.EQUALS).build())
            .toList());
    }
}
