package io.cloudconnector.aws.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CheckpointStore;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ControlResult;
import io.cloudconnector.ControlScore;
import io.cloudconnector.ControlStatus;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.FileCheckpointStore;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.RecordState;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import io.cloudconnector.SecureScore;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.ThrottledException;
import io.cloudconnector.WorkflowStatus;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPageRequest;
import io.cloudconnector.spi.FindingsPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Security Hub port and the findings features of the client, over HTTP against Security Hub on WireMock. */
class AwsFindingsWireTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-south-1");
    private static final int PER_REGION = 110;
    private static final ResiliencePolicy FAST = ResiliencePolicy.builder().securityHubGetFindingsPerSecond(1_000)
        .securityHubPerSecond(1_000).maxAttempts(4).baseBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
        .build();

    @TempDir
    Path directory;

    private WireMockServer wireMock;
    private SecurityHubStubs stubs;
    private CloudEndpoints endpoints;
    private AwsClients clients;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        stubs = new SecurityHubStubs(wireMock);
        endpoints = CloudEndpoints.builder()
            .aws(URI.create(wireMock.baseUrl()))
            .awsCredentials(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build();
        clients = new AwsClients(endpoints, FAST);
    }

    @AfterEach
    void stop() {
        clients.close();
        wireMock.stop();
    }

    private ConnectorClient client(FindingsPort port, TestSides.Assessments assessments) {
        return ConnectorClient.of(TestSides.aws(REGIONS, port, () -> { }), TestSides.azure(assessments));
    }

    /**
     * Three regions of 110 findings each, 25 per page: two malformed in us-east-1, the last finding of page 1 of
     * eu-west-1 repeated at the head of page 2, pages 1 and 3 of every region throttled once, and the token of
     * page 3 of ap-south-1 expired once.
     */
    private void stubThreeRegions() {
        stubs.noAggregator();
        List<ObjectNode> east = FindingsFixture.findings("us-east-1", PER_REGION);
        east.get(42).remove("UpdatedAt");
        east.get(77).put("RecordState", "DELETED");
        stubs.pages("us-east-1", east, Set.of(1, 3), -1);
        List<ObjectNode> west = new ArrayList<>(FindingsFixture.findings("eu-west-1", PER_REGION));
        west.add(2 * SecurityHubStubs.PAGE, west.get(2 * SecurityHubStubs.PAGE - 1).deepCopy());
        stubs.pages("eu-west-1", west, Set.of(1, 3), -1);
        stubs.pages("ap-south-1", FindingsFixture.findings("ap-south-1", PER_REGION), Set.of(1), 3);
    }

    @Test
    void findings_threeRegionsThrottledExpiredAndDuplicated_everyValidFindingExactlyOnce() {
        stubThreeRegions();
        FindingsTally tally = new FindingsTally();

        List<Finding> findings;
        try (Stream<Finding> stream = client(new AwsFindings(clients), null).findings(TestSides.spec(),
            FindingQuery.builder().recordStates(List.of()).build(), tally)) {
            findings = stream.toList();
        }

        assertThat(findings).hasSize(3 * PER_REGION - 2);
        assertThat(findings.stream().map(Finding::key).distinct()).hasSize(findings.size());
        assertThat(tally.skipped()).extracting(SkippedFinding::reason)
            .containsExactly("UpdatedAt missing", "unknown RecordState 'DELETED'");
        assertThat(tally.failedRegions()).isEmpty();
        Map<String, List<Finding>> byRegion = findings.stream().collect(Collectors.groupingBy(Finding::region));
        assertThat(byRegion.keySet()).containsExactlyInAnyOrderElementsOf(REGIONS);
        byRegion.values().forEach(region -> assertThat(region).isSortedAccordingTo(
            Comparator.comparing(Finding::updatedAt)));
        findings.forEach(AwsFindingsWireTest::assertMappedFromItsIndex);
    }

    @Test
    void findings_throttledPages_resentWithTheSameTokenAndTheExpiredTokenRestartsOnce() {
        stubThreeRegions();

        try (Stream<Finding> stream = client(new AwsFindings(clients), null).findings(TestSides.spec(),
            FindingQuery.activeFindings())) {
            assertThat(stream.count()).isPositive();
        }

        for (String region : List.of("us-east-1", "eu-west-1")) {
            for (int page : List.of(1, 3)) {
                wireMock.verify(2, postRequestedFor(urlPathEqualTo("/findings"))
                    .withRequestBody(matchingJsonPath("$.NextToken", equalTo(FindingsFixture.token(region, page)))));
            }
        }
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/findings"))
            .withHeader("Authorization", containing(
                SecurityHubStubs.scope("ap-south-1")))
            .withRequestBody(notContaining("NextToken")));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/findings"))
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo(FindingsFixture.token("ap-south-1", 3)))));
    }

    private static void assertMappedFromItsIndex(Finding finding) {
        int index = Integer.parseInt(finding.id().substring(finding.id().lastIndexOf('-') + 1));
        assertThat(finding.updatedAt()).as(finding.id()).isEqualTo(FindingsFixture.updatedAt(index));
        assertThat(finding.createdAt()).isEqualTo(FindingsFixture.updatedAt(index).minusSeconds(3600));
        assertThat(finding.firstObservedAt().isPresent()).isEqualTo(index % 7 != 3);
        assertThat(finding.severity().label()).isEqualTo(SeverityLabel.valueOf(FindingsFixture.expectedLabel(index)));
        assertThat(finding.recordState()).isEqualTo(index % 11 == 5 ? RecordState.ARCHIVED : RecordState.ACTIVE);
        assertThat(finding.workflowStatus())
            .isEqualTo(index % 13 == 7 ? WorkflowStatus.SUPPRESSED : WorkflowStatus.NEW);
        String control = FindingsFixture.control(index);
        if (control == null) {
            assertThat(finding.compliance()).isEmpty();
            assertThat(finding.productName()).contains("GuardDuty");
            return;
        }
        FindingCompliance compliance = finding.compliance().orElseThrow();
        assertThat(compliance.status()).isEqualTo(ComplianceStatus.valueOf(FindingsFixture.complianceStatus(index)));
        assertThat(compliance.controlId()).contains(switch (control) {
            case "CIS-1.2.0-1.3" -> "cis-aws-foundations-benchmark/v/1.2.0/1.3";
            case "CIS-1.4.0-3.7" -> "cis-aws-foundations-benchmark/v/1.4.0/3.7";
            default -> control;
        });
    }

    /**
     * One region reads ahead of its consumer by at most three pages (one waiting in the queue, one processed and
     * waiting for room, one fetched and waiting to be processed); how far it got before the stream closed depends on
     * timing, so only the bound is checked.
     */
    @Test
    void findings_throughTheAdapter_takingFiveReadsAtMostThreePagesAhead() {
        stubs.noAggregator();
        stubs.pages("us-east-1", FindingsFixture.findings("us-east-1", 20 * SecurityHubStubs.PAGE), Set.of(), -1);

        try (AwsAdapter adapter = AwsAdapter.create(endpoints);
             Stream<Finding> stream = ConnectorClient.of(TestSides.aws(List.of("us-east-1"), adapter.findings(),
                 () -> { }), TestSides.azure(null)).findings(TestSides.spec(), FindingQuery.activeFindings())) {
            assertThat(stream.limit(5).toList()).hasSize(5);
        }

        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo("/findings")))).hasSizeBetween(1, 4);
    }

    @Test
    void findings_aggregatorAccount_readsOnlyItsHomeRegionFilteredOnTheCoveredRegions() {
        wireMock.stubFor(get(urlPathEqualTo("/findingAggregator/list")).willReturn(okJson(
            "{\"FindingAggregators\":[{\"FindingAggregatorArn\":\"arn:aws:securityhub:us-east-1:123456789012:"
                + "finding-aggregator/agg-1\"}]}")));
        wireMock.stubFor(get(urlPathMatching("/findingAggregator/get/.*")).willReturn(okJson(
            "{\"FindingAggregatorArn\":\"arn:aws:securityhub:us-east-1:123456789012:finding-aggregator/agg-1\","
                + "\"FindingAggregationRegion\":\"us-east-1\",\"RegionLinkingMode\":\"ALL_REGIONS\"}")));
        List<ObjectNode> aggregated = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            aggregated.add(FindingsFixture.finding(REGIONS.get(i % 3), i));
        }
        stubs.pages("us-east-1", aggregated, Set.of(1), -1);

        List<Finding> findings;
        try (Stream<Finding> stream = client(new AwsFindings(clients), null).findings(TestSides.spec(),
            FindingQuery.builder().recordStates(List.of()).build())) {
            findings = stream.toList();
        }

        assertThat(findings).hasSize(60);
        assertThat(findings.stream().map(Finding::region).distinct()).containsExactlyInAnyOrderElementsOf(REGIONS);
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo("/findings")));
        assertThat(requests).hasSize(4).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).contains(SecurityHubStubs.scope("us-east-1"));
            assertThat(request.getBodyAsString()).contains("\"Region\":[{\"Value\":\"ap-south-1\",\"Comparison\":"
                + "\"EQUALS\"},{\"Value\":\"eu-west-1\",\"Comparison\":\"EQUALS\"},{\"Value\":\"us-east-1\","
                + "\"Comparison\":\"EQUALS\"}]");
        });
    }

    @Test
    void complianceAndSecureScore_overTheWire_standardsControlsEveryPageAndFindingsJoined() {
        stubs.noAggregator();
        wireMock.stubFor(post(urlPathEqualTo("/standards/get")).willReturn(okJson(
            FindingsFixture.resource("/securityhub/GetEnabledStandards.200.json"))));
        wireMock.stubFor(get(urlPathMatching("/standards/controls/.*")).withQueryParam("NextToken", absent())
            .willReturn(okJson(controls("CIS.1.1", "ENABLED", "CIS.1.3", "ENABLED") + ",\"NextToken\":\"c2\"}")));
        wireMock.stubFor(get(urlPathMatching("/standards/controls/.*")).withQueryParam("NextToken", equalTo("c2"))
            .willReturn(okJson(controls("CIS.2.1", "DISABLED") + "}")));
        ObjectNode passedRule11 = FindingsFixture.finding("us-east-1", 13);
        passedRule11.put("Id", FindingsFixture.id("us-east-1", 14));
        passedRule11.put("GeneratorId",
            "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.1");
        stubs.pages("us-east-1", List.of(FindingsFixture.finding("us-east-1", 3),
            FindingsFixture.finding("us-east-1", 13), passedRule11, FindingsFixture.finding("us-east-1", 23)),
            Set.of(), -1);
        ComplianceSummary compliance = ConnectorClient.of(TestSides.aws(List.of("us-east-1"),
            new AwsFindings(clients), () -> { }), TestSides.azure(null)).compliance(TestSides.spec());
        SecureScore score = ConnectorClient.of(TestSides.aws(List.of("us-east-1"), new AwsFindings(clients),
            () -> { }), TestSides.azure(null)).secureScore(TestSides.spec());

        assertThat(compliance.standards()).singleElement().satisfies(standard -> {
            assertThat(standard.version()).isEqualTo("1.2.0");
            assertThat(standard.controls()).extracting(ControlResult::controlId, ControlResult::status,
                ControlResult::failingResources).containsExactly(
                    tuple("1.1", ControlStatus.PASSED, List.of()),
                    tuple("1.3", ControlStatus.FAILED, List.of("AWS::::Account:123456789012")),
                    tuple("2.1", ControlStatus.DISABLED, List.of()));
            assertThat(standard.passedShare()).isEqualTo(0.5);
        });
        assertThat(score.controls()).extracting(ControlScore::controlId, ControlScore::maxScore,
            ControlScore::healthyResources, ControlScore::unhealthyResources).containsExactly(
                tuple("cis-aws-foundations-benchmark/v/1.2.0/1.1", 6, 1, 0),
                tuple("cis-aws-foundations-benchmark/v/1.2.0/1.3", 6, 0, 1));
        assertThat(score.percentage()).isEqualTo(50.0);
        wireMock.verify(2, getRequestedFor(urlPathMatching("/standards/controls/.*")));
    }

    private static String controls(String... idsAndStatuses) {
        List<String> controls = new ArrayList<>();
        for (int i = 0; i < idsAndStatuses.length; i += 2) {
            String id = idsAndStatuses[i];
            controls.add("{\"StandardsControlArn\":\"arn:aws:securityhub:us-east-1:123456789012:control/"
                + "cis-aws-foundations-benchmark/v/1.2.0/" + id.substring(4) + "\",\"ControlStatus\":\""
                + idsAndStatuses[i + 1] + "\",\"ControlId\":\"" + id + "\",\"Title\":\"Control " + id
                + "\",\"SeverityRating\":\"HIGH\",\"RelatedRequirements\":"
                + "[\"CIS AWS Foundations Benchmark v1.2.0/" + id.substring(4) + "\"]}");
        }
        return "{\"Controls\":[" + String.join(",", controls) + "]";
    }

    @Test
    void getFindings_query_sentAsEqualsFiltersSortedByUpdatedAtAscending() {
        wireMock.stubFor(SecurityHubStubs.getFindings("eu-west-1").willReturn(okJson("{\"Findings\":[]}")));
        FindingQuery query = FindingQuery.builder()
            .minimumSeverity(SeverityLabel.HIGH)
            .addComplianceStatuses(ComplianceStatus.FAILED)
            .addWorkflowStatuses(WorkflowStatus.NEW, WorkflowStatus.NOTIFIED)
            .addResourceTypes("AwsEc2Instance")
            .addProductNames("Security Hub")
            .addAssociatedStandards("standards/cis-aws-foundations-benchmark/v/1.4.0")
            .updatedSince(Instant.parse("2026-11-01T00:00:00Z"))
            .build();

        FindingsPage page = new AwsFindings(clients).findings(TestSides.spec(), FindingsPageRequest.builder()
            .region("eu-west-1").query(query).addRegionFilter("eu-west-1").build());

        assertThat(page.findings()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
        wireMock.verify(postRequestedFor(urlPathEqualTo("/findings")).withRequestBody(equalToJson("""
            {"Filters": {
               "SeverityLabel": [{"Value": "CRITICAL", "Comparison": "EQUALS"},
                                 {"Value": "HIGH", "Comparison": "EQUALS"}],
               "ComplianceStatus": [{"Value": "FAILED", "Comparison": "EQUALS"}],
               "RecordState": [{"Value": "ACTIVE", "Comparison": "EQUALS"}],
               "WorkflowStatus": [{"Value": "NEW", "Comparison": "EQUALS"},
                                  {"Value": "NOTIFIED", "Comparison": "EQUALS"}],
               "ResourceType": [{"Value": "AwsEc2Instance", "Comparison": "EQUALS"}],
               "ProductName": [{"Value": "Security Hub", "Comparison": "EQUALS"}],
               "ComplianceAssociatedStandardsId": [{"Value": "standards/cis-aws-foundations-benchmark/v/1.4.0",
                                                    "Comparison": "EQUALS"}],
               "Region": [{"Value": "eu-west-1", "Comparison": "EQUALS"}],
               "UpdatedAt": [{"Start": "2026-11-01T00:00:00Z", "End": "2999-12-31T23:59:59Z"}]},
             "SortCriteria": [{"Field": "UpdatedAt", "SortOrder": "asc"}],
             "MaxResults": 100}
            """)).withRequestBody(matchingJsonPath("$.NextToken", absent())));
    }

    @Test
    void getFindings_throttledOnEveryAttempt_onlyThePolicysAttemptsThenThrottled() {
        wireMock.stubFor(SecurityHubStubs.getFindings("us-east-1").willReturn(SecurityHubStubs.throttled()));
        ResiliencePolicy threeAttempts = ResiliencePolicy.builder().from(FAST).maxAttempts(3).build();
        clients.close();
        clients = new AwsClients(endpoints, threeAttempts);
        AwsFindings port = new AwsFindings(clients);

        assertThatThrownBy(() -> port.findings(TestSides.spec(), FindingsPageRequest.builder().region("us-east-1")
            .query(FindingQuery.activeFindings()).nextToken("tok-us-east-1-4").build()))
            .isInstanceOf(ThrottledException.class)
            .hasMessageContaining("securityhub:GetFindings in us-east-1")
            .hasMessageContaining("LimitExceededException (HTTP 429)");
        wireMock.verify(3, postRequestedFor(urlPathEqualTo("/findings"))
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo("tok-us-east-1-4"))));
    }

    @Test
    void getFindings_rateLimitSpent_throttledWithoutCallingAws() {
        wireMock.stubFor(SecurityHubStubs.getFindings("us-east-1").willReturn(okJson("{\"Findings\":[]}")));
        ResiliencePolicy twoPerHour = ResiliencePolicy.builder().securityHubGetFindingsPerSecond(2).maxAttempts(1)
            .callBudget(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(1))
            .attemptTimeout(Duration.ofSeconds(1)).build();
        clients.close();
        clients = new AwsClients(endpoints, twoPerHour, new AwsCalls(twoPerHour, Duration.ofHours(1)));
        AwsFindings port = new AwsFindings(clients);
        FindingsPageRequest request = FindingsPageRequest.builder().region("us-east-1")
            .query(FindingQuery.activeFindings()).build();
        port.findings(TestSides.spec(), request);
        port.findings(TestSides.spec(), request);

        assertThatThrownBy(() -> port.findings(TestSides.spec(), request))
            .isInstanceOf(ThrottledException.class)
            .hasMessageContaining("got no permit of the SDK's rate limiter within its budget of 1.0 s (2 calls per "
                + "3600.0 s)");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/findings")));
    }

    @Test
    void exportFindings_killedAfterItsSecondPageAndResumed_nothingLostNothingWrittenTwice() {
        stubThreeRegions();
        TestSides.Assessments reference = new TestSides.Assessments();
        ExportResult full = client(new AwsFindings(clients), reference).exportFindings(TestSides.spec(),
            exportTo(FileCheckpointStore.in(directory.resolve("reference"))));
        wireMock.resetScenarios();
        TestSides.Assessments assessments = new TestSides.Assessments();
        ConnectorClient client = client(new AwsFindings(clients), assessments);
        FileCheckpointStore store = FileCheckpointStore.in(directory.resolve("run"));

        assertThatThrownBy(() -> client.exportFindings(TestSides.spec(), exportTo(new DyingAfter(2, store,
            assessments)))).isInstanceOf(TestSides.ProcessKilled.class);
        int beforeTheCrash = assessments.assessmentWrites().size();
        assessments.dieOnNextWrite = false;
        wireMock.resetRequests();
        ExportResult resumed = client.exportFindings(TestSides.spec(), exportTo(store));

        assertThat(full.complete()).isTrue();
        assertThat(full.findingsExported()).isPositive();
        assertThat(beforeTheCrash).isPositive().isLessThan(reference.assessmentWrites().size());
        assertThat(resumed.complete()).isTrue();
        assertThat(assessments.assessmentWrites()).containsExactlyElementsOf(reference.assessmentWrites());
        assertThat(assessments.stored).isEqualTo(reference.stored);
        Instant watermark = FindingsFixture.updatedAt(2 * SecurityHubStubs.PAGE - 1);
        wireMock.verify(postRequestedFor(urlPathEqualTo("/findings"))
            .withHeader("Authorization", containing(
                SecurityHubStubs.scope("us-east-1")))
            .withRequestBody(matchingJsonPath("$.Filters.UpdatedAt[0].Start",
                equalTo(watermark.minusSeconds(1).toString()))));
    }

    private static ExportOptions exportTo(CheckpointStore store) {
        return ExportOptions.builder().checkpoints(store).maxWritesPerSecond(100_000).build();
    }

    /** A checkpoint store whose process dies right after its n-th save. */
    private static final class DyingAfter implements CheckpointStore {

        private final CheckpointStore delegate;
        private final TestSides.Assessments assessments;
        private int savesLeft;

        DyingAfter(int saves, CheckpointStore delegate, TestSides.Assessments assessments) {
            this.savesLeft = saves;
            this.delegate = delegate;
            this.assessments = assessments;
        }

        @Override
        public Optional<FindingsCursor> load(String key) {
            return delegate.load(key);
        }

        @Override
        public void save(String key, FindingsCursor cursor) {
            delegate.save(key, cursor);
            if (--savesLeft == 0) {
                assessments.dieOnNextWrite = true;
            }
        }
    }
}
