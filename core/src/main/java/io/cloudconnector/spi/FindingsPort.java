package io.cloudconnector.spi;

import io.cloudconnector.ConnectorSpec;
import java.util.List;
import java.util.Optional;

/**
 * Security Hub findings, standards and controls, one region per call. Methods throw
 * {@link io.cloudconnector.ConnectorException} subtypes when AWS answers with an error; the implementation stays
 * under Security Hub's rate limits and retries throttled calls itself, so a
 * {@link io.cloudconnector.ThrottledException} means its retries ran out.
 */
public interface FindingsPort {

    /**
     * One page of {@code GetFindings}, sorted by {@code UpdatedAt} ascending, at most 100 findings. A rejected or
     * expired token comes back as a {@link io.cloudconnector.CloudServiceException} with error code
     * {@code InvalidInputException}, HTTP 400, and a message that mentions the token.
     */
    FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request);

    /**
     * The page {@link #findings(ConnectorSpec, FindingsPageRequest)} returns, fetched now and read later: what can
     * fail in the call (errors, throttling, a rejected token) fails here, and {@link FetchedFindings#read()} turns
     * the answer into the page, so that the caller can fetch the next page meanwhile. By default the page is fetched
     * and read at once.
     */
    default FetchedFindings fetch(ConnectorSpec spec, FindingsPageRequest request) {
        return FetchedFindings.of(findings(spec, request));
    }

    /**
     * The account's finding aggregator, asked in {@code region} ({@code ListFindingAggregators}, then
     * {@code GetFindingAggregator}); empty when the account has none.
     */
    Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region);

    /** The standards enabled in {@code region} ({@code GetEnabledStandards}, every page). */
    List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region);

    /** The controls of one enabled standard in {@code region} ({@code DescribeStandardsControls}, every page). */
    List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String subscriptionArn);

    /**
     * The member accounts of the spec's account, a Security Hub administrator, asked in {@code region}
     * ({@code ListMembers}, every page), in the order Security Hub lists them. With {@code onlyAssociated} Security
     * Hub lists only members whose relationship is enabled; without it, every member it knows.
     *
     * @throws UnsupportedOperationException by default: a findings port that does not override this cannot read an
     *     administrator's member accounts
     */
    default List<SecurityHubMember> members(ConnectorSpec spec, String region, boolean onlyAssociated) {
        throw new UnsupportedOperationException("This FindingsPort cannot list Security Hub member accounts"
            + " (securityhub:ListMembers): " + getClass().getName() + " does not implement FindingsPort.members()");
    }
}
