package io.cloudconnector.aws.internal;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.SecurityHubMember;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.DescribeStandardsControlsResponse;
import software.amazon.awssdk.services.securityhub.model.FindingAggregator;
import software.amazon.awssdk.services.securityhub.model.GetEnabledStandardsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingAggregatorResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ListMembersResponse;
import software.amazon.awssdk.services.securityhub.model.Member;
import software.amazon.awssdk.services.securityhub.model.SortCriterion;
import software.amazon.awssdk.services.securityhub.model.SortOrder;
import software.amazon.awssdk.services.securityhub.model.StandardsControl;

/**
 * {@link FindingsPort} over the Security Hub client: {@code GetFindings} one page at a time (sorted by
 * {@code UpdatedAt} ascending, 100 per page), the finding aggregator, enabled standards and their controls, and an
 * administrator's member accounts (every page). Every call is paced and retried by {@link SecurityHubCalls}; the AWS
 * SDK's own retries are off for them.
 */
public final class AwsFindings implements FindingsPort {

    /** The most findings Security Hub returns per page. */
    static final int PAGE_SIZE = 100;
    /** The most member accounts Security Hub returns per page ({@code CrossAccountMaxResults}). */
    static final int MEMBERS_PAGE_SIZE = 50;

    private static final String UNKNOWN = "UNKNOWN";
    private static final String NO_REGIONS = "NO_REGIONS";
    private static final Logger LOG = LoggerFactory.getLogger(AwsFindings.class);
    private static final SortCriterion BY_UPDATED_AT = SortCriterion.builder().field("UpdatedAt")
        .sortOrder(SortOrder.ASC).build();

    private final AwsClients clients;
    private final SecurityHubCalls calls;

    /** Findings over {@code clients}, paced and retried under {@code policy}. */
    public AwsFindings(AwsClients clients, SecurityHubPolicy policy) {
        this.clients = clients;
        this.calls = new SecurityHubCalls(policy);
    }

    @Override
    public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
        String region = request.region();
        SecurityHubClient client = clients.securityHub(spec, region);
        GetFindingsResponse response = calls.call("securityhub:GetFindings", spec.awsAccountId(), region,
            () -> client.getFindings(builder -> builder
                .filters(SecurityHubModel.filters(request))
                .sortCriteria(BY_UPDATED_AT)
                .maxResults(PAGE_SIZE)
                .nextToken(request.nextToken().orElse(null))
                .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))));
        LOG.debug("GetFindings in {} for account {}: {} findings, {}", region, spec.awsAccountId(),
            response.findings().size(), response.nextToken() == null ? "last page" : "more pages");
        return FindingsPage.builder()
            .findings(response.findings().stream().map(SecurityHubModel::asff).toList())
            .nextToken(Optional.ofNullable(response.nextToken()))
            .build();
    }

    @Override
    public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
        SecurityHubClient client = clients.securityHub(spec, region);
        Optional<String> arn = calls.call("securityhub:ListFindingAggregators", spec.awsAccountId(), region,
            () -> client.listFindingAggregators(builder -> builder
                .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))))
            .findingAggregators().stream().map(FindingAggregator::findingAggregatorArn).findFirst();
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        GetFindingAggregatorResponse aggregator = calls.call("securityhub:GetFindingAggregator",
            spec.awsAccountId(), region, () -> client.getFindingAggregator(builder -> builder
                .findingAggregatorArn(arn.get())
                .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))));
        if (aggregator.findingAggregationRegion() == null) {
            LOG.warn("The finding aggregator {} of account {} names no home region; ignoring it", arn.get(),
                spec.awsAccountId());
            return Optional.empty();
        }
        return Optional.of(AggregatorFacts.builder()
            .arn(arn.get())
            .homeRegion(aggregator.findingAggregationRegion())
            .linkingMode(Objects.requireNonNullElse(aggregator.regionLinkingMode(), NO_REGIONS))
            .regions(aggregator.regions())
            .build());
    }

    @Override
    public List<StandardSubscription> enabledStandards(ConnectorSpec spec, String region) {
        SecurityHubClient client = clients.securityHub(spec, region);
        List<StandardSubscription> standards = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetEnabledStandardsResponse response = calls.call("securityhub:GetEnabledStandards",
                spec.awsAccountId(), region, () -> client.getEnabledStandards(builder -> builder
                    .nextToken(page).maxResults(PAGE_SIZE)
                    .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))));
            response.standardsSubscriptions().forEach(subscription -> standards.add(StandardSubscription.builder()
                .subscriptionArn(Objects.requireNonNullElse(subscription.standardsSubscriptionArn(), ""))
                .standardsArn(Objects.requireNonNullElse(subscription.standardsArn(), ""))
                .status(Objects.requireNonNullElse(subscription.standardsStatusAsString(), UNKNOWN))
                .build()));
            token = response.nextToken();
        } while (token != null);
        return standards;
    }

    @Override
    public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String subscriptionArn) {
        SecurityHubClient client = clients.securityHub(spec, region);
        List<StandardsControlFacts> controls = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeStandardsControlsResponse response = calls.call("securityhub:DescribeStandardsControls",
                spec.awsAccountId(), region, () -> client.describeStandardsControls(builder -> builder
                    .standardsSubscriptionArn(subscriptionArn).nextToken(page).maxResults(PAGE_SIZE)
                    .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))));
            response.controls().stream().filter(control -> control.controlId() != null)
                .forEach(control -> controls.add(control(control)));
            token = response.nextToken();
        } while (token != null);
        return controls;
    }

    /** {@inheritDoc} {@code ListMembers}, 50 per page; a member without an account ID is left out. */
    @Override
    public List<SecurityHubMember> members(ConnectorSpec spec, String region, boolean onlyAssociated) {
        SecurityHubClient client = clients.securityHub(spec, region);
        List<SecurityHubMember> members = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListMembersResponse response = calls.call("securityhub:ListMembers", spec.awsAccountId(), region,
                () -> client.listMembers(builder -> builder
                    .onlyAssociated(onlyAssociated).maxResults(MEMBERS_PAGE_SIZE).nextToken(page)
                    .overrideConfiguration(config -> config.addPlugin(SecurityHubCalls.SINGLE_ATTEMPT))));
            response.members().stream().filter(member -> member.accountId() != null)
                .forEach(member -> members.add(member(member)));
            token = response.nextToken();
        } while (token != null);
        LOG.debug("ListMembers in {} for administrator {}: {} members", region, spec.awsAccountId(), members.size());
        return members;
    }

    private static SecurityHubMember member(Member member) {
        return SecurityHubMember.builder()
            .accountId(member.accountId())
            .memberStatus(Optional.ofNullable(member.memberStatus()))
            .administratorId(Optional.ofNullable(member.administratorId()))
            .build();
    }

    private static StandardsControlFacts control(StandardsControl control) {
        return StandardsControlFacts.builder()
            .standardsControlArn(Objects.requireNonNullElse(control.standardsControlArn(), ""))
            .controlId(control.controlId())
            .title(Optional.ofNullable(control.title()))
            .status(Objects.requireNonNullElse(control.controlStatusAsString(), UNKNOWN))
            .severityRating(Optional.ofNullable(control.severityRatingAsString()))
            .relatedRequirements(control.relatedRequirements())
            .build();
    }
}
