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
     * The account's finding aggregator, asked in {@code region} ({@code ListFindingAggregators}, then
     * {@code GetFindingAggregator}); empty when the account has none.
     */
    Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region);

    /** The standards enabled in {@code region} ({@code GetEnabledStandards}, every page). */
    List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region);

    /** The controls of one enabled standard in {@code region} ({@code DescribeStandardsControls}, every page). */
    List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String subscriptionArn);
}
