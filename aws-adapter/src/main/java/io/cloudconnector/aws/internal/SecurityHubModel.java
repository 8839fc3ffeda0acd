package io.cloudconnector.aws.internal;

import io.cloudconnector.FindingQuery;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.AsffFinding.AsffResource;
import io.cloudconnector.spi.FindingsPageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.securityhub.model.AssociatedStandard;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.DateFilter;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;
import software.amazon.awssdk.services.securityhub.model.Workflow;

/**
 * Between the Security Hub SDK model and core: a finding query as {@code GetFindings} filters, and an
 * {@link AwsSecurityFinding} as an unchecked {@link AsffFinding} (enumerations as the text AWS sent, so core can
 * name an unknown value when it skips the finding).
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

    /** The finding as AWS sent it. */
    static AsffFinding asff(AwsSecurityFinding finding) {
        Optional<Severity> severity = Optional.ofNullable(finding.severity());
        Optional<Recommendation> recommendation = Optional.ofNullable(finding.remediation())
            .map(Remediation::recommendation);
        return AsffFinding.builder()
            .id(Optional.ofNullable(finding.id()))
            .productArn(Optional.ofNullable(finding.productArn()))
            .productName(Optional.ofNullable(finding.productName()))
            .generatorId(Optional.ofNullable(finding.generatorId()))
            .awsAccountId(Optional.ofNullable(finding.awsAccountId()))
            .region(Optional.ofNullable(finding.region()))
            .title(Optional.ofNullable(finding.title()))
            .description(Optional.ofNullable(finding.description()))
            .severityLabel(severity.map(Severity::labelAsString))
            .severityNormalized(severity.map(Severity::normalized))
            .createdAt(Optional.ofNullable(finding.createdAt()))
            .updatedAt(Optional.ofNullable(finding.updatedAt()))
            .firstObservedAt(Optional.ofNullable(finding.firstObservedAt()))
            .lastObservedAt(Optional.ofNullable(finding.lastObservedAt()))
            .recordState(Optional.ofNullable(finding.recordStateAsString()))
            .workflowStatus(Optional.ofNullable(finding.workflow()).map(Workflow::statusAsString))
            .resources(finding.resources().stream().filter(Objects::nonNull).map(SecurityHubModel::resource)
                .toList())
            .compliance(Optional.ofNullable(finding.compliance()).map(SecurityHubModel::compliance))
            .remediationText(recommendation.map(Recommendation::text))
            .remediationUrl(recommendation.map(Recommendation::url))
            .productFields(withoutNulls(finding.productFields()))
            .build();
    }

    private static AsffResource resource(Resource resource) {
        return AsffResource.builder()
            .type(Optional.ofNullable(resource.type()))
            .id(Optional.ofNullable(resource.id()))
            .partition(Optional.ofNullable(resource.partitionAsString()))
            .region(Optional.ofNullable(resource.region()))
            .build();
    }

    private static AsffCompliance compliance(Compliance compliance) {
        return AsffCompliance.builder()
            .status(Optional.ofNullable(compliance.statusAsString()))
            .securityControlId(Optional.ofNullable(compliance.securityControlId()))
            .relatedRequirements(compliance.relatedRequirements().stream().filter(Objects::nonNull).toList())
            .associatedStandards(compliance.associatedStandards().stream().map(AssociatedStandard::standardsId)
                .filter(Objects::nonNull).toList())
            .build();
    }

    /** The map without null keys or values; the map itself when it has none (the usual case, and no copy). */
    private static Map<String, String> withoutNulls(Map<String, String> map) {
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                return map.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            }
        }
        return map;
    }
}
