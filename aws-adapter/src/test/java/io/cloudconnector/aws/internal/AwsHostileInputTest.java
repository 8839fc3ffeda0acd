package io.cloudconnector.aws.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import io.cloudconnector.SkippedFinding;
import io.cloudconnector.TruncatedFinding;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers no well-behaved AWS would give, over HTTP against WireMock: findings of the wrong shape among good ones,
 * page tokens that repeat, listings that never end. Each is either read around (the finding skipped or cut short,
 * with a reason) or stops with an error naming the operation, never with a partial list passed off as complete.
 */
class AwsHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    private static final String DEEP = "deeply-nested-placeholder";
    private static final ResiliencePolicy POLICY = ResiliencePolicy.builder().maxPages(5).maxAttempts(2)
        .baseBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build();

    private WireMockServer wireMock;
    private AwsClients clients;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        clients = new AwsClients(CloudEndpoints.builder().aws(URI.create(wireMock.baseUrl()))
            .awsCredentials(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))).build(), POLICY);
    }

    @AfterEach
    void stop() {
        clients.close();
        wireMock.stop();
    }

    @Test
    void findings_hostilePage_badOnesSkippedOrCutWithReasonsTheRestDelivered() {
        List<ObjectNode> page = new ArrayList<>(FindingsFixture.findings(REGION, 6));
        page.get(0).put("Title", 42);
        ((ObjectNode) page.get(1).get("Severity")).put("Normalized", "high");
        page.get(2).remove("UpdatedAt");
        page.get(3).put("RecordState", "DELETED");
        page.get(4).put("Description", "x".repeat(TEN_MEGABYTES));
        page.add(page.get(5).deepCopy());
        page.add(FindingsFixture.findings(REGION, 7).get(6).put("ProductFields", DEEP));
        stubFindings(page, deeplyNested(3_000));
        FindingsTally tally = new FindingsTally();

        List<Finding> delivered;
        try (Stream<Finding> stream = client().findings(TestSides.spec(), FindingQuery.activeFindings(), tally)) {
            delivered = stream.toList();
        }

        assertThat(delivered).extracting(Finding::id)
            .containsExactly(FindingsFixture.id(REGION, 4), FindingsFixture.id(REGION, 5));
        assertThat(delivered.get(0).description()).hasSizeLessThan(9_000)
            .endsWith("[cut short by the connector SDK: " + TEN_MEGABYTES + " characters in all]");
        assertThat(tally.failedRegions()).isEmpty();
        assertThat(tally.skippedCount()).isEqualTo(6);
        assertThat(tally.skipped()).extracting(SkippedFinding::reason).containsExactlyInAnyOrder(
            "Title is a number, not a string",
            "Severity.Normalized is a string, not a whole number",
            "ProductFields.level is an object, not a string",
            "UpdatedAt missing",
            "unknown RecordState 'DELETED'",
            "repeats a finding earlier in the same page (same Id, ProductArn and UpdatedAt)");
        assertThat(tally.truncated()).containsExactly(TruncatedFinding.of(REGION,
            Optional.of(FindingsFixture.id(REGION, 4)), "Description", TEN_MEGABYTES,
            FindingsBody.MAX_TEXT));
    }

    @Test
    void findings_nextTokenRepeats_regionReportedFailedNamingTheLoop() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Findings").addAll(List.copyOf(FindingsFixture.findings(REGION, 2)));
        body.put("NextToken", "the-same-token");
        new SecurityHubStubs(wireMock).noAggregator();
        wireMock.stubFor(SecurityHubStubs.getFindings(REGION).willReturn(okJson(body.toString())));
        FindingsTally tally = new FindingsTally();

        try (Stream<Finding> stream = client().findings(TestSides.spec(), FindingQuery.activeFindings(), tally)) {
            assertThat(stream.count()).isEqualTo(2);
        }

        assertThat(tally.failedRegions()).containsOnlyKeys(REGION);
        assertThat(tally.failedRegions().get(REGION)).hasMessageContaining(
            "securityhub:GetFindings in us-east-1 handed back the NextToken it was asked with (page 2)");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/findings")));
    }

    @Test
    void instances_nextTokenRepeats_failsWithoutAPartialList() {
        wireMock.stubFor(query("DescribeInstances").willReturn(xml(FindingsFixture.resource(
            "/fleet/ec2-DescribeInstances.us-east-1.page2.xml").replace("</reservationSet>",
            "</reservationSet><nextToken>again</nextToken>"))));

        assertThatThrownBy(() -> new AwsFleet(clients).instances(TestSides.spec(), REGION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessage("ec2:DescribeInstances in us-east-1 handed back a page token it had given before (page 2); "
                + "stopping the listing instead of looping");
    }

    @Test
    void instances_bodyCutShortOnce_askedAgainAndRead() {
        String page = FindingsFixture.resource("/fleet/ec2-DescribeInstances.us-east-1.page2.xml");
        wireMock.stubFor(query("DescribeInstances").inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(xml(page.substring(0, page.length() / 2))).willSetStateTo("whole"));
        wireMock.stubFor(query("DescribeInstances").inScenario("cut").whenScenarioStateIs("whole")
            .willReturn(xml(page)));

        assertThat(new AwsFleet(clients).instances(TestSides.spec(), REGION)).hasSize(2);
        wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void managedInstances_pagesNeverEnd_stopsAtThePageLimit() {
        wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonSSM.DescribeInstanceInformation"))
            .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"InstanceInformationList\": [], \"NextToken\": \"{{randomValue length=24}}\"}")
                .withTransformers("response-template")));

        assertThatThrownBy(() -> new AwsFleet(clients).managedInstances(TestSides.spec(), REGION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessage("ssm:DescribeInstanceInformation in us-east-1 went on past 5 pages; stopping the listing "
                + "instead of looping");
        wireMock.verify(5, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void role_markerRepeats_failsWithoutAPartialList() {
        wireMock.stubFor(query("GetRole").willReturn(xml(FindingsFixture.resource("/readiness/iam-GetRole.200.xml"))));
        wireMock.stubFor(query("ListAttachedRolePolicies").willReturn(xml(FindingsFixture.resource(
            "/readiness/iam-ListAttachedRolePolicies.page1.xml"))));

        assertThatThrownBy(() -> new AwsAccountFacts(clients).role(TestSides.spec(), "AscConnector"))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageStartingWith("iam:ListAttachedRolePolicies in global handed back a page token it had given "
                + "before (page 2)");
    }

    @Test
    void role_truncatedWithoutMarker_failsInsteadOfStoppingShort() {
        wireMock.stubFor(query("GetRole").willReturn(xml(FindingsFixture.resource("/readiness/iam-GetRole.200.xml"))));
        wireMock.stubFor(query("ListAttachedRolePolicies").willReturn(xml(FindingsFixture.resource(
            "/readiness/iam-ListAttachedRolePolicies.page1.xml").replace("<Marker>AAEAAQ-page-2</Marker>", ""))));

        assertThatThrownBy(() -> new AwsAccountFacts(clients).role(TestSides.spec(), "AscConnector"))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("said more pages follow (IsTruncated) but gave no Marker");
    }

    @Test
    void enabledStandards_nextTokenRepeats_failsWithoutAPartialList() {
        wireMock.stubFor(post(urlPathEqualTo("/standards/get")).willReturn(okJson(FindingsFixture.resource(
            "/readiness/securityhub-GetEnabledStandards.page1.json"))));

        assertThatThrownBy(() -> new AwsFindings(clients).enabledStandards(TestSides.spec(), REGION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageStartingWith("securityhub:GetEnabledStandards in us-east-1 handed back a page token");
    }

    @Test
    void standardsControls_nextTokenRepeats_failsWithoutAPartialList() {
        wireMock.stubFor(get(urlPathMatching("/standards/controls/.*")).willReturn(okJson(
            "{\"Controls\": [{\"ControlId\": \"IAM.1\", \"ControlStatus\": \"ENABLED\"}], \"NextToken\": \"t\"}")));

        assertThatThrownBy(() -> new AwsFindings(clients).standardsControls(TestSides.spec(), REGION,
            "arn:aws:securityhub:us-east-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.4.0"))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageStartingWith("securityhub:DescribeStandardsControls in us-east-1 handed back a page token");
    }

    private ConnectorClient client() {
        return ConnectorClient.of(TestSides.aws(List.of(REGION), new AwsFindings(clients), () -> { }),
            TestSides.azure(null));
    }

    /** Serves {@code findings} as one page, the {@link #DEEP} placeholder replaced by {@code deep}. */
    private void stubFindings(List<ObjectNode> findings, String deep) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("Findings");
        findings.forEach(array::add);
        new SecurityHubStubs(wireMock).noAggregator();
        wireMock.stubFor(SecurityHubStubs.getFindings(REGION).willReturn(okJson(body.toString()
            .replace("\"" + DEEP + "\"", deep))));
    }

    /** A JSON object whose {@code level} field nests {@code depth} levels deep: more than the AWS SDK reads. */
    private static String deeplyNested(int depth) {
        return "{\"level\":".repeat(depth) + "\"bottom\"" + "}".repeat(depth);
    }

    private static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "text/xml").withBody(body);
    }
}
