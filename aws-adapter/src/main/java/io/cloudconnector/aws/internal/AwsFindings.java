package io.cloudconnector.aws.internal;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.FetchedFindings;
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
 * {@code UpdatedAt} ascending, 100 per page, read through {@link FindingsBodyFilter} so that a malformed finding is
 * left out of its page rather than failing it), the finding aggregator, enabled standards and their controls (every
 * page) and an administrator's member accounts (every page). Every call goes through {@link AwsCalls}: paced at
 * Security Hub's rates and retried under the policy.
 */
public final class AwsFindings implements FindingsPort {

    /** The most findings Security Hub returns per page. */
    static final int PAGE_SIZE = 100;
    /** The most member accounts Security Hub returns per page ({@code CrossAccountMaxResults}). */
    static final int MEMBERS_PAGE_SIZE = 50;

    private static final String GET_FINDINGS = "securityhub:GetFindings";
    private static final String UNKNOWN = "UNKNOWN";
    private static final String NO_REGIONS = "NO_REGIONS";
    private static final Logger LOG = LoggerFactory.getLogger(AwsFindings.class);
    private static final SortCriterion BY_UPDATED_AT = SortCriterion.builder().field("UpdatedAt")
        .sortOrder(SortOrder.ASC).build();

    private final AwsClients clients;

    /** Findings over {@code clients}, whose calls they go through. */
    public AwsFindings(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public FindingsPage findings(ConnectorSpec spec, FindingsPageRequest request) {
        return fetch(spec, request).read();
    }

    /**
     * {@inheritDoc} The call scans the answer for its next token; {@link FetchedFindings#read()} reads its findings.
     * An answer that passed the scan and still cannot be read fails the read with a
     * {@link io.cloudconnector.CloudServiceException} (not retried: the call is over).
     */
    @Override
    public FetchedFindings fetch(ConnectorSpec spec, FindingsPageRequest request) {
        String region = request.region();
        SecurityHubClient client = clients.securityHub(spec, region);
        FindingsBodyFilter.Capture capture = new FindingsBodyFilter.Capture();
        GetFindingsResponse response = clients.calls().call(spec.awsAccountId(), GET_FINDINGS, region,
            () -> client.getFindings(builder -> builder
                .filters(SecurityHubModel.filters(request))
                .sortCriteria(BY_UPDATED_AT)
                .maxResults(PAGE_SIZE)
                .nextToken(request.nextToken().orElse(null))
                .overrideConfiguration(config -> config.putExecutionAttribute(FindingsBodyFilter.PAGE, capture))));
        FindingsBodyFilter.Answer answer = capture.answer(response);
        return FetchedFindings.of(answer.nextToken(), () -> {
            FindingsPage page = answer.read(region).toFindingsPage();
            LOG.debug("GetFindings in {} for account {}: {} findings, {} left out, {}", region, spec.awsAccountId(),
                page.findings().size(), page.rejected().size(), page.nextToken().isEmpty() ? "last page"
                    : "more pages");
            return page;
        });
    }

    @Override
    public Optional<AggregatorFacts> findingAggregator(ConnectorSpec spec, String region) {
        SecurityHubClient client = clients.securityHub(spec, region);
        Optional<String> arn = clients.calls().call(spec.awsAccountId(), "securityhub:ListFindingAggregators", region,
            () -> client.listFindingAggregators(builder -> { }))
            .findingAggregators().stream().map(FindingAggregator::findingAggregatorArn).findFirst();
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        GetFindingAggregatorResponse aggregator = clients.calls().call(spec.awsAccountId(),
            "securityhub:GetFindingAggregator", region,
            () -> client.getFindingAggregator(builder -> builder.findingAggregatorArn(arn.get())));
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
        clients.calls().forEachPage(spec.awsAccountId(), "securityhub:GetEnabledStandards", region,
            token -> client.getEnabledStandards(builder -> builder.nextToken(token).maxResults(PAGE_SIZE)),
            GetEnabledStandardsResponse::nextToken,
            page -> page.standardsSubscriptions().forEach(subscription -> standards.add(StandardSubscription.builder()
                .subscriptionArn(Objects.requireNonNullElse(subscription.standardsSubscriptionArn(), ""))
                .standardsArn(Objects.requireNonNullElse(subscription.standardsArn(), ""))
                .status(Objects.requireNonNullElse(subscription.standardsStatusAsString(), UNKNOWN))
                .build())));
        return standards;
    }

    @Override
    public List<StandardsControlFacts> standardsControls(ConnectorSpec spec, String region, String subscriptionArn) {
        SecurityHubClient client = clients.securityHub(spec, region);
        List<StandardsControlFacts> controls = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), "securityhub:DescribeStandardsControls", region,
            token -> client.describeStandardsControls(builder -> builder
                .standardsSubscriptionArn(subscriptionArn).nextToken(token).maxResults(PAGE_SIZE)),
            DescribeStandardsControlsResponse::nextToken,
            page -> page.controls().stream().filter(control -> control.controlId() != null)
                .forEach(control -> controls.add(control(control))));
        return controls;
    }

    /** {@inheritDoc} {@code ListMembers}, 50 per page; a member without an account ID is left out. */
    @Override
    public List<SecurityHubMember> members(ConnectorSpec spec, String region, boolean onlyAssociated) {
        SecurityHubClient client = clients.securityHub(spec, region);
        List<SecurityHubMember> members = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), "securityhub:ListMembers", region,
            token -> client.listMembers(builder -> builder
                .onlyAssociated(onlyAssociated).maxResults(MEMBERS_PAGE_SIZE).nextToken(token)),
            ListMembersResponse::nextToken,
            page -> page.members().stream().filter(member -> member.accountId() != null)
                .forEach(member -> members.add(member(member))));
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
