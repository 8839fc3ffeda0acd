package io.cloudconnector.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.cloudconnector.aws.AwsStubs.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning end to end: core's planner and applier over the real AWS SDK clients, against a bare account on
 * WireMock (query/XML for STS, EC2 and IAM; JSON 1.1 for AWS Config; REST-JSON for Security Hub; REST-XML for S3,
 * path-style). Regions are told apart by the SigV4 credential scope.
 */
class AwsProvisioningTest {

    private static final String BUCKET = "config-bucket-123456789012";
    private static final String CREATED_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String SLR_ARN =
        "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMockServer wiremock = new WireMockServer(options().dynamicPort());
    private final AwsStubs stubs = new AwsStubs(wiremock);
    private ConnectorClient client;

    @BeforeEach
    void start() {
        wiremock.start();
        stubBareAccount();
        client = ConnectorClient.of(AwsAdapter.create(AwsStubs.endpoints(wiremock)), new NoAzure());
    }

    @AfterEach
    void stop() {
        client.close();
        wiremock.stop();
    }

    @Test
    void planAndApply_bareAccount_makesEveryWriteWithTheBaseCredentials() {
        ProvisioningPlan plan = client.plan(spec(), everything());
        assertThat(plan.actions()).hasSize(23);
        assertThat(plan.conflicts()).isEmpty();

        ProvisioningResult result = client.apply(plan);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.outcomes()).extracting(ProvisioningOutcome::status).containsOnly(Status.DONE);
        assertThat(result.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");
        assertThat(requests(RequestMethod.POST, "Action=AssumeRole&")).isEmpty();
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).allSatisfy(request -> assertThat(
            request.getHeader("Authorization")).contains("Credential=" + AwsStubs.ACCESS_KEY + "/"));
    }

    @Test
    void apply_bareAccount_sendsTheIamWritesWithTheirDocuments() {
        client.apply(client.plan(spec(), everything()));

        Map<String, String> createRole = form(single("Action=CreateRole&"));
        assertThat(createRole).containsEntry("RoleName", "AscConnector");
        assertThat(createRole.get("AssumeRolePolicyDocument")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::158177204117:root\"},\"Action\":"
            + "\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + AwsStubs.SUBSCRIPTION
            + "\"}}}]}");
        assertThat(requests(RequestMethod.POST, "Action=AttachRolePolicy&")).extracting(r -> form(r).get("PolicyArn"))
            .containsExactly("arn:aws:iam::aws:policy/SecurityAudit",
                "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole",
                "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess");
        assertThat(form(single("Action=CreateUser&"))).containsEntry("UserName", "AscConnectorUser");
        assertThat(requests(RequestMethod.POST, "Action=AttachUserPolicy&")).extracting(r -> form(r).get("PolicyArn"))
            .containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                "arn:aws:iam::aws:policy/SecurityAudit");
        assertThat(form(single("Action=CreateServiceLinkedRole&")))
            .containsEntry("AWSServiceName", "config.amazonaws.com");
        assertThat(form(single("Action=CreateAccessKey&"))).containsEntry("UserName", "AscConnectorUser");
    }

    @Test
    void apply_bareAccount_createsAPrivateEncryptedBucketWithAwsConfigsPolicyInTheFirstRegion() throws Exception {
        client.apply(client.plan(spec(), everything()));

        LoggedRequest create = singleS3("/" + BUCKET);
        assertThat(create.getHeader("Authorization")).contains("/eu-west-1/s3/aws4_request");
        assertThat(create.getBodyAsString()).contains("<LocationConstraint>eu-west-1</LocationConstraint>");
        assertThat(singleS3("/" + BUCKET + "?publicAccessBlock").getBodyAsString()).contains(
            "<BlockPublicAcls>true</BlockPublicAcls>", "<IgnorePublicAcls>true</IgnorePublicAcls>",
            "<BlockPublicPolicy>true</BlockPublicPolicy>", "<RestrictPublicBuckets>true</RestrictPublicBuckets>");
        assertThat(singleS3("/" + BUCKET + "?encryption").getBodyAsString())
            .contains("<SSEAlgorithm>AES256</SSEAlgorithm>");
        JsonNode policy = MAPPER.readTree(singleS3("/" + BUCKET + "?policy").getBodyAsString());
        assertThat(policy.get("Statement")).hasSize(3);
        assertThat(policy.get("Statement").get(2).get("Resource").asText())
            .isEqualTo("arn:aws:s3:::" + BUCKET + "/AWSLogs/123456789012/Config/*");
        assertThat(policy.get("Statement").get(2).get("Principal").get("Service").asText())
            .isEqualTo("config.amazonaws.com");
    }

    @Test
    void apply_bareAccount_enablesSecurityHubAndConfigInEachRegion() throws Exception {
        client.apply(client.plan(spec(), everything()));

        for (String region : List.of("eu-west-1", "us-east-1")) {
            assertThat(json(single(region, "/accounts")))
                .isEqualTo(MAPPER.readTree("{\"EnableDefaultStandards\":false}"));
            assertThat(json(single(region, "/standards/register")).at("/StandardsSubscriptionRequests/0/StandardsArn")
                .asText()).isEqualTo("arn:aws:securityhub:" + region
                    + "::standards/cis-aws-foundations-benchmark/v/1.4.0");
            JsonNode recorder = json(single(region, "StarlingDoveService.PutConfigurationRecorder"))
                .get("ConfigurationRecorder");
            assertThat(recorder.get("name").asText()).isEqualTo("default");
            assertThat(recorder.get("roleARN").asText()).isEqualTo(SLR_ARN);
            assertThat(recorder.at("/recordingGroup/allSupported").asBoolean()).isTrue();
            assertThat(recorder.at("/recordingGroup/includeGlobalResourceTypes").asBoolean())
                .isEqualTo(region.equals("eu-west-1"));
            assertThat(json(single(region, "StarlingDoveService.PutDeliveryChannel")).at(
                "/DeliveryChannel/s3BucketName").asText()).isEqualTo(BUCKET);
            assertThat(json(single(region, "StarlingDoveService.StartConfigurationRecorder"))
                .get("ConfigurationRecorderName").asText()).isEqualTo("default");
        }
    }

    @Test
    void apply_accessKey_returnsTheSecretOnceAndNeverLogsOrRendersIt() {
        ProvisioningPlan plan = client.plan(spec(), everything());
        PrintStream original = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        ProvisioningResult result;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            result = client.apply(plan);
        } finally {
            System.setErr(original);
        }

        assertThat(result.accessKey()).hasValueSatisfying(key -> {
            assertThat(key.accessKeyId()).isEqualTo("AKIAIOSFODNN7NEWKEY1");
            assertThat(key.secretAccessKey().reveal()).isEqualTo(CREATED_SECRET);
        });
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("Applied CREATE_ACCESS_KEY")
            .doesNotContain(CREATED_SECRET);
        assertThat(List.of(result.toString(), result.toText(), result.toJson()))
            .allSatisfy(rendered -> assertThat(rendered).doesNotContain(CREATED_SECRET));
    }

    @Test
    void apply_deliveryChannelRefused_stopsThereReportsTheDoneAndLeavesTheRestUnattempted() {
        wiremock.stubFor(in("eu-west-1", stubs.json("StarlingDoveService.PutDeliveryChannel"))
            .willReturn(provisioningAnswer(400, "config-PutDeliveryChannel.400.json")));

        ProvisioningResult result = client.apply(client.plan(spec(), everything()));

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.action().operation().name()).isEqualTo("PUT_DELIVERY_CHANNEL");
            assertThat(failure.action().region()).hasValue("eu-west-1");
            assertThat(failure.cause()).hasValueSatisfying(cause -> assertThat(cause).startsWith(
                "config:PutDeliveryChannel in eu-west-1 failed: InsufficientDeliveryPolicyException (HTTP 400): "
                    + "Insufficient delivery policy to s3 bucket"));
        });
        assertThat(result.outcomes(Status.DONE)).hasSize(16);
        assertThat(result.outcomes(Status.NOT_ATTEMPTED)).extracting(o -> o.action().operation().name()
                + " " + o.action().region().orElse("-"))
            .containsExactly("START_CONFIG_RECORDER eu-west-1", "ENABLE_SECURITY_HUB us-east-1",
                "ENABLE_STANDARD us-east-1", "PUT_CONFIG_RECORDER us-east-1", "PUT_DELIVERY_CHANNEL us-east-1",
                "START_CONFIG_RECORDER us-east-1");
        assertThat(requests(RequestMethod.POST, "StarlingDoveService.StartConfigurationRecorder")).isEmpty();
        assertThat(signedFor("us-east-1", "/accounts", RequestMethod.POST)).isEmpty();
        assertThat(result.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");
    }

    @Test
    void bucket_existingInAnotherRegion_readsItsSettingsThereAndTakesMissingEncryptionAsUnset() {
        wiremock.stubFor(head(urlEqualTo("/audit-logs")).willReturn(aResponse().withStatus(200)
            .withHeader("x-amz-bucket-region", "eu-west-1")));
        wiremock.stubFor(get(urlPathEqualTo("/audit-logs")).withQueryParam("encryption", matching(".*"))
            .willReturn(provisioningAnswer(404, "s3-GetBucketEncryption.404.xml")));
        wiremock.stubFor(get(urlPathEqualTo("/audit-logs")).withQueryParam("publicAccessBlock", matching(".*"))
            .willReturn(provisioningAnswer(200, "s3-GetPublicAccessBlock.200.xml")));
        wiremock.stubFor(get(urlPathEqualTo("/audit-logs")).withQueryParam("policy", matching(".*"))
            .willReturn(provisioningAnswer(200, "s3-GetBucketPolicy.200.json")));

        try (AwsAdapter adapter = AwsAdapter.create(AwsStubs.endpoints(wiremock))) {
            assertThat(adapter.provisioning().bucket(spec(), "audit-logs")).hasValueSatisfying(bucket -> {
                assertThat(bucket.accessible()).isTrue();
                assertThat(bucket.region()).hasValue("eu-west-1");
                assertThat(bucket.encrypted()).isFalse();
                assertThat(bucket.publicAccessBlocked()).isTrue();
                assertThat(bucket.policy()).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("config.amazonaws.com"));
            });
        }
        assertThat(wiremock.findAll(anyRequestedFor(urlPathEqualTo("/audit-logs")))).hasSize(4)
            .filteredOn(request -> request.getMethod().equals(RequestMethod.GET))
            .allSatisfy(request -> assertThat(request.getHeader("Authorization")).contains("/eu-west-1/s3/"));
        assertThat(wiremock.findAll(anyRequestedFor(urlEqualTo("/audit-logs"))).get(0).getHeader(
            "x-amz-expected-bucket-owner")).isEqualTo(AwsStubs.ACCOUNT);
    }

    @Test
    void bucket_ownedByAnotherAccount_isReportedNotAccessible() {
        wiremock.stubFor(head(urlEqualTo("/someone-elses")).willReturn(aResponse().withStatus(403)));

        try (AwsAdapter adapter = AwsAdapter.create(AwsStubs.endpoints(wiremock))) {
            assertThat(adapter.provisioning().bucket(spec(), "someone-elses"))
                .hasValueSatisfying(bucket -> assertThat(bucket.accessible()).isFalse());
        }
    }

    @Test
    void writes_thatAwsAnswersAlreadyDoneForTheSameThing_returnNormally() {
        wiremock.stubFor(post(urlEqualTo("/accounts")).atPriority(AwsStubs.REGION_PRIORITY)
            .willReturn(provisioningAnswer(409, "securityhub-EnableSecurityHub.409.json")));
        wiremock.stubFor(stubs.query("CreateServiceLinkedRole").atPriority(AwsStubs.REGION_PRIORITY)
            .willReturn(provisioningAnswer(400, "iam-CreateServiceLinkedRole.400.xml")));

        try (AwsAdapter adapter = AwsAdapter.create(AwsStubs.endpoints(wiremock))) {
            adapter.provisioning().enableSecurityHub(spec(), "eu-west-1");
            adapter.provisioning().createServiceLinkedRole(spec(), "config.amazonaws.com");
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void createRole_nameTakenMeanwhile_failsRatherThanTakingSomeoneElsesRole() {
        wiremock.stubFor(stubs.query("CreateRole").atPriority(AwsStubs.REGION_PRIORITY)
            .willReturn(provisioningAnswer(409, "iam-CreateRole.409.xml")));

        try (AwsAdapter adapter = AwsAdapter.create(AwsStubs.endpoints(wiremock))) {
            assertThatThrownBy(() -> adapter.provisioning().createRole(spec(), "AscConnector", "{}", "test"))
                .isInstanceOfSatisfying(CloudServiceException.class, e -> {
                    assertThat(e.errorCode()).hasValue("EntityAlreadyExists");
                    assertThat(e.getMessage()).startsWith("iam:CreateRole failed: EntityAlreadyExists (HTTP 409)");
                });
        }
    }

    private static ConnectorSpec spec() {
        return AwsStubs.spec("eu-west-1", "us-east-1").authentication(AwsAuthentication.assumeRole(
            "arn:aws:iam::123456789012:role/AscConnector")).build();
    }

    private static ProvisioningOptions everything() {
        return ProvisioningOptions.builder().createConfigBucket(true).createUser(true).createAccessKey(true).build();
    }

    /** An account with nothing: no hub, no recorder or channel, no role, user or bucket. */
    private void stubBareAccount() {
        stubs.stub(stubs.query("GetCallerIdentity"), 200, "sts-GetCallerIdentity.200.xml");
        stubs.stub(stubs.query("DescribeRegions"), 200, "ec2-DescribeRegions.200.xml");
        stubs.stub(stubs.query("GetRole"), 404, "iam-GetRole.404.xml");
        stubs.stub(stubs.query("GetUser"), 404, "iam-GetUser.404.xml");
        wiremock.stubFor(get(urlPathEqualTo("/accounts")).willReturn(
            AwsStubs.answer(401, "securityhub-DescribeHub.401.json")));
        answer(stubs.json("StarlingDoveService.DescribeConfigurationRecorders"),
            "config-DescribeConfigurationRecorders.empty.json");
        answer(stubs.json("StarlingDoveService.DescribeDeliveryChannels"),
            "config-DescribeDeliveryChannels.empty.json");
        wiremock.stubFor(head(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(404)));

        answer(stubs.query("CreateRole"), "iam-CreateRole.200.xml");
        answer(stubs.query("AttachRolePolicy"), "iam-AttachRolePolicy.200.xml");
        answer(stubs.query("CreateUser"), "iam-CreateUser.200.xml");
        answer(stubs.query("AttachUserPolicy"), "iam-AttachUserPolicy.200.xml");
        answer(stubs.query("CreateAccessKey"), "iam-CreateAccessKey.200.xml");
        answer(stubs.query("CreateServiceLinkedRole"), "iam-CreateServiceLinkedRole.200.xml");
        answer(post(urlEqualTo("/accounts")), "securityhub-EnableSecurityHub.200.json");
        answer(post(urlEqualTo("/standards/register")), "securityhub-BatchEnableStandards.200.json");
        for (String target : List.of("PutConfigurationRecorder", "PutDeliveryChannel", "StartConfigurationRecorder")) {
            answer(stubs.json("StarlingDoveService." + target), "config-empty.200.json");
        }
        wiremock.stubFor(put(urlEqualTo("/" + BUCKET)).atPriority(AwsStubs.DEFAULT_PRIORITY)
            .willReturn(aResponse().withStatus(200).withHeader("Location", "/" + BUCKET)));
        for (String subresource : List.of("publicAccessBlock", "encryption", "policy")) {
            wiremock.stubFor(put(urlPathEqualTo("/" + BUCKET)).withQueryParam(subresource, matching(".*"))
                .atPriority(AwsStubs.REGION_PRIORITY).willReturn(aResponse().withStatus(
                    subresource.equals("policy") ? 204 : 200)));
        }
    }

    private void answer(MappingBuilder mapping, String fixture) {
        wiremock.stubFor(mapping.willReturn(provisioningAnswer(200, fixture)));
    }

    private static ResponseDefinitionBuilder provisioningAnswer(int status, String fixture) {
        String type = fixture.endsWith(".xml") ? "text/xml"
            : fixture.startsWith("securityhub") ? "application/json" : "application/x-amz-json-1.1";
        try (InputStream in = AwsProvisioningTest.class.getResourceAsStream("/provisioning/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return aResponse().withStatus(status).withHeader("Content-Type", type)
                .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests of {@code method} whose body (query protocol) or {@code X-Amz-Target} names {@code marker}. */
    private List<LoggedRequest> requests(RequestMethod method, String marker) {
        List<LoggedRequest> all = wiremock.findAll(anyRequestedFor(anyUrl()));
        return all.stream().filter(request -> request.getMethod().equals(method))
            .filter(request -> request.getBodyAsString().contains(marker)
                || marker.equals(request.getHeader("X-Amz-Target")))
            .toList();
    }

    private LoggedRequest single(String queryAction) {
        List<LoggedRequest> matching = requests(RequestMethod.POST, queryAction);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** The one POST signed for {@code region} to the path or JSON 1.1 target {@code pathOrTarget}. */
    private LoggedRequest single(String region, String pathOrTarget) {
        List<LoggedRequest> matching = pathOrTarget.startsWith("/")
            ? signedFor(region, pathOrTarget, RequestMethod.POST)
            : requests(RequestMethod.POST, pathOrTarget).stream()
                .filter(request -> request.getHeader("Authorization").contains("/" + region + "/")).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private List<LoggedRequest> signedFor(String region, String path, RequestMethod method) {
        return wiremock.findAll(anyRequestedFor(urlEqualTo(path))).stream()
            .filter(request -> request.getMethod().equals(method))
            .filter(request -> request.getHeader("Authorization").contains("/" + region + "/")).toList();
    }

    /** The one S3 PUT to {@code url}, a subresource written as {@code ?name}. */
    private LoggedRequest singleS3(String url) {
        List<LoggedRequest> matching = wiremock.findAll(anyRequestedFor(anyUrl())).stream()
            .filter(request -> request.getMethod().equals(RequestMethod.PUT))
            .filter(request -> request.getUrl().equals(url) || request.getUrl().equals(url + "="))
            .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query-protocol body as its decoded parameters. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2)).forEach(pair ->
            parameters.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return parameters;
    }

    /** An Azure side provisioning never calls. */
    private static final class NoAzure implements AzureSide {

        @Override
        public ConnectorPort connectors() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArcPort arc() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AssessmentPort assessments() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
