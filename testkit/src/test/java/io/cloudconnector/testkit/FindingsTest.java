package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.DateFilter;
import software.amazon.awssdk.services.securityhub.model.InvalidInputException;
import software.amazon.awssdk.services.securityhub.model.SortCriterion;
import software.amazon.awssdk.services.securityhub.model.SortOrder;

/** Security Hub findings with filters, sorting, aggregation and import, through the real client. */
class FindingsTest {

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;
    private static SandboxSeed seed;

    @BeforeAll
    static void start() {
        SandboxSeed base = SandboxSeed.defaultSeed();
        seed = new SandboxSeed(base.accountId(), base.callerUserName(), base.regions(), base.specRegions(),
            base.connectorRoleName(), base.onboardingUserName(), base.roles(), base.users(), base.instances(),
            base.standards(), base.findings(), Optional.of(new SandboxSeed.Aggregator("eu-west-1", "ALL_REGIONS",
                List.of())), base.memberAccountIds(), base.azure());
        sandbox = CloudSandbox.builder().seed(seed).withoutQuota().start();
        clients = new AwsTestClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void getFindings_aggregatorHomeRegion_returnsLinkedRegionsToo() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "eu-west-1");

        long count = hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream().count();
        String arn = hub.listFindingAggregators(r -> { }).findingAggregators().get(0).findingAggregatorArn();

        assertThat(count).isEqualTo(seed.findingsIn("eu-west-1").size()).isEqualTo(seed.findings().size());
        assertThat(hub.getFindingAggregator(r -> r.findingAggregatorArn(arn)).findingAggregationRegion())
            .isEqualTo("eu-west-1");
    }

    @Test
    void getFindings_sortedByUpdatedAtAscending_isInOrder() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");

        List<Instant> updated = hub.getFindingsPaginator(r -> r.maxResults(50).sortCriteria(SortCriterion.builder()
            .field("UpdatedAt").sortOrder(SortOrder.ASC).build())).findings().stream()
            .map(f -> Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(
                f.updatedAt().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2"))))
            .collect(Collectors.toList());

        assertThat(updated).hasSize(seed.findingsIn("us-east-1").size()).isSorted();
    }

    @Test
    void getFindings_updatedAtRange_countsAsTheSeed() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        Instant start = Instant.parse("2025-10-01T00:00:00Z");
        Instant end = Instant.parse("2025-10-20T00:00:00Z");
        AwsSecurityFindingFilters filters = AwsSecurityFindingFilters.builder().updatedAt(DateFilter.builder()
            .start("2025-10-01T05:30:00+05:30").end(end.toString()).build()).build();

        long count = hub.getFindingsPaginator(r -> r.filters(filters)).findings().stream().count();

        long expected = seed.findingsIn("us-east-1").stream().map(f -> f.updatedAt().orElseThrow())
            .filter(at -> !at.isBefore(start) && !at.isAfter(end)).count();
        assertThat(count).isPositive().isEqualTo(expected);
    }

    @Test
    void getFindings_moreThanOneHundredResults_isInvalidInput() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");

        assertThatThrownBy(() -> hub.getFindings(r -> r.maxResults(101))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void batchImportFindings_newFinding_isReturnedByGetFindings() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        AwsSecurityFinding template = hub.getFindings(r -> r.maxResults(1)).findings().get(0);
        AwsSecurityFinding imported = template.toBuilder().id("sandbox-imported-1").title("Imported").build();

        int success = hub.batchImportFindings(r -> r.findings(imported)).successCount();
        List<AwsSecurityFinding> found = hub.getFindings(r -> r.filters(f -> f.id(i -> i.value("sandbox-imported-1")
            .comparison("EQUALS")))).findings();

        assertThat(success).isEqualTo(1);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.title()).isEqualTo("Imported"));
    }
}
