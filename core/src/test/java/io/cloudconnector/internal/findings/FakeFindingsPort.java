package io.cloudconnector.internal.findings;

import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security Hub in memory: findings per region served in pages (sorted by UpdatedAt, filtered on region, record state,
 * compliance status, standards and UpdatedAt like the service), tokens {@code offset:N}, and injectable failures.
 */
final class FakeFindingsPort implements FindingsPort {

    final Map<String, List<AsffFinding>> findings = new HashMap<>();
    final List<FindingsPageRequest> requests = new ArrayList<>();
    final Set<String> tokensToReject = new HashSet<>();
    final Map<String, ConnectorException> failingRegions = new HashMap<>();
    final Map<String, List<StandardSubscription>> standards = new HashMap<>();
    final Map<String, List<StandardsControlFacts>> controls = new HashMap<>();
    Optional<AggregatorFacts> aggregator = Optional.empty();
    ConnectorException aggregatorFailure;
    int pageSize = 3;
    boolean rejectEveryToken;
    boolean sorted = true;

    FakeFindingsPort add(AsffFinding finding) {
        findings.computeIfAbsent(finding.region().orElseThrow(), region -> new ArrayList<>()).add(finding);
        return this;
    }

    /** A finding stored in {@code region} though it names another (what a home region holds). */
    FakeFindingsPort addIn(String region, AsffFinding finding) {
        findings.computeIfAbsent(region, key -> new ArrayList<>()).add(finding);
        return this;
    }

    synchronized long pagesFetched() {
        return requests.size();
    }

    @Override
    public synchronized FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
        requests.add(request);
        ConnectorException failure = failingRegions.get(request.region());
        if (failure != null) {
            throw failure;
        }
        Optional<String> token = request.nextToken();
        if (token.isPresent() && (rejectEveryToken || tokensToReject.remove(token.get()))) {
            throw new CloudServiceException("securityhub:GetFindings in " + request.region()
                + " failed: InvalidInputException (HTTP 400): The NextToken provided has expired", "aws",
                "securityhub:GetFindings", request.region(), 400, "InvalidInputException", "req-1", false, null);
        }
        List<AsffFinding> matching = findings.getOrDefault(request.region(), List.of()).stream()
            .filter(finding -> matches(finding, request))
            .sorted(sorted ? Comparator.comparing(finding -> Instant.parse(finding.updatedAt().orElse(
                "1970-01-01T00:00:00Z"))) : (a, b) -> 0)
            .toList();
        int offset = token.map(value -> Integer.parseInt(value.substring("offset:".length()))).orElse(0);
        int end = Math.min(matching.size(), offset + pageSize);
        return FindingsPage.builder()
            .findings(matching.subList(offset, end))
            .nextToken(end < matching.size() ? Optional.of("offset:" + end) : Optional.empty())
            .build();
    }

    private static boolean matches(AsffFinding finding, FindingsPageRequest request) {
        FindingQuery query = request.query();
        boolean region = request.regionFilter().isEmpty()
            || request.regionFilter().contains(finding.region().orElse(""));
        boolean state = query.recordStates().isEmpty() || query.recordStates().stream()
            .anyMatch(value -> value.name().equals(finding.recordState().orElse("ACTIVE")));
        boolean compliance = query.complianceStatuses().isEmpty() || finding.compliance()
            .flatMap(AsffFinding.AsffCompliance::status)
            .filter(status -> query.complianceStatuses().stream().anyMatch(value -> value.name().equals(status)))
            .isPresent();
        boolean standard = query.associatedStandards().isEmpty() || finding.compliance()
            .filter(block -> block.associatedStandards().stream().anyMatch(query.associatedStandards()::contains))
            .isPresent();
        boolean since = query.updatedSince().isEmpty() || finding.updatedAt()
            .filter(time -> !Instant.parse(time).isBefore(query.updatedSince().get())).isPresent();
        return region && state && compliance && standard && since;
    }

    @Override
    public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
        if (aggregatorFailure != null) {
            throw aggregatorFailure;
        }
        return aggregator;
    }

    @Override
    public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
        ConnectorException failure = failingRegions.get(region);
        if (failure != null) {
            throw failure;
        }
        return standards.getOrDefault(region, List.of());
    }

    @Override
    public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String subscriptionArn) {
        return controls.getOrDefault(subscriptionArn, List.of());
    }
}
