package io.cloudconnector.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.Secret;
import io.cloudconnector.SentCommand;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.RunCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS adapter's {@link FleetPort}, and discovery and onboarding through it, with the real AWS SDK clients talking
 * HTTP to an in-process WireMock that answers in EC2's query/XML and SSM's JSON 1.1 wire formats. The region of each
 * request is read from the SigV4 credential scope of its Authorization header.
 */
class AwsFleetWireTest {

    private static final String WEB_01 = "i-ff464e087aecef139";
    private static final String WEB_02 = "i-a0b5524cfd21fcb4f";
    private static final String API_01 = "i-1fb7d471f12431682";
    private static final String DC_01 = "i-316f1fce60f79f853";
    private static final String BUILD_WIN = "i-faf0d3a513e430796";
    private static final String DB_STAGING = "i-c0e906dd32733a7b6";
    private static final String APP_EU = "i-0e0e0eaf44baed07a";
    private static final String TOOLS_EU = "i-0aa1bb2cc3dd4ee5f";
    private static final String LINUX_US = "c0000000-0000-4000-8000-000000000001";
    private static final String WINDOWS_US = "c0000000-0000-4000-8000-000000000002";
    private static final String LINUX_EU = "c0000000-0000-4000-8000-000000000003";
    private static final String SP_SECRET = "arc-sp-secret-'$(id)'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer wireMock;
    private AwsAdapter adapter;
    private ConnectorClient client;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        adapter = AwsAdapter.create(CloudEndpoints.builder().aws(URI.create(wireMock.baseUrl()))
            .awsCredentials(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build());
        ArcMachine connected = ArcMachine.builder()
            .id("/subscriptions/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/resourceGroups/arc-machines/providers/"
                + "Microsoft.HybridCompute/machines/" + WEB_02)
            .name(WEB_02).status("Connected").build();
        client = FleetSides.client(adapter, List.of("us-east-1", "eu-west-1", "ap-southeast-2"), List.of(connected));
    }

    @AfterEach
    void stop() {
        client.close();
        wireMock.stop();
    }

    @Test
    void discover_mixedFleetInThreeRegions_pagesJoinsAndKeepsTheFailedRegionApart() {
        stubMixedFleet();

        DiscoveryResult result = client.discover(spec());

        assertThat(result.regions()).extracting(RegionDiscovery::region, RegionDiscovery::status,
            RegionDiscovery::instanceCount).containsExactly(
                tuple("us-east-1", RegionDiscovery.Status.OK, 5),
                tuple("eu-west-1", RegionDiscovery.Status.OK, 3),
                tuple("ap-southeast-2", RegionDiscovery.Status.FAILED, 0));
        assertThat(result.failedRegions().get(0).cause()).hasValueSatisfying(cause -> assertThat(cause)
            .contains("ec2:DescribeInstances in ap-southeast-2").contains("UnauthorizedOperation")
            .contains("HTTP 403"));
        assertThat(result.instances()).extracting(DiscoveredInstance::instanceId, DiscoveredInstance::verdict)
            .containsExactly(
                tuple(WEB_01, OnboardingVerdict.ELIGIBLE),
                tuple(WEB_02, OnboardingVerdict.ALREADY_CONNECTED),
                tuple(API_01, OnboardingVerdict.NO_SSM_AGENT),
                tuple(DC_01, OnboardingVerdict.ELIGIBLE),
                tuple(BUILD_WIN, OnboardingVerdict.NOT_RUNNING),
                tuple(DB_STAGING, OnboardingVerdict.SSM_OFFLINE),
                tuple(APP_EU, OnboardingVerdict.ELIGIBLE),
                tuple(TOOLS_EU, OnboardingVerdict.UNSUPPORTED_OS));
        DiscoveredInstance dc = result.instances().get(3);
        assertThat(dc.platform()).isEqualTo(InstancePlatform.WINDOWS);
        assertThat(dc.osName()).isEqualTo("Microsoft Windows Server 2019 Datacenter");
        assertThat(dc.name()).contains("ad-dc-01");
        assertThat(result.instances().get(2).reason()).contains("no instance profile");
        assertThat(result.instances().get(6).osRow()).contains("CentOS Linux 7");
    }

    @Test
    void discover_pagesEc2By1000AndSsmBy50() {
        stubMixedFleet();

        client.discover(spec());

        List<LoggedRequest> ec2 = wireMock.findAll(postRequestedFor(urlEqualTo("/"))
            .withHeader("Authorization", containing("/us-east-1/ec2/aws4_request")));
        assertThat(ec2).hasSize(2).allSatisfy(request -> assertThat(request.getBodyAsString())
            .contains("Action=DescribeInstances").contains("MaxResults=1000"));
        assertThat(ec2.get(1).getBodyAsString()).contains("NextToken=ec2-page-2-token");
        List<LoggedRequest> ssm = wireMock.findAll(postRequestedFor(urlEqualTo("/"))
            .withHeader("Authorization", containing("/us-east-1/ssm/aws4_request")));
        assertThat(ssm).hasSize(2);
        assertThat(json(ssm.get(0)).get("MaxResults").asInt()).isEqualTo(50);
        assertThat(json(ssm.get(1)).get("NextToken").asText()).isEqualTo("ssm-page-2-token");
    }

    @Test
    void onboard_sendsOneCommandPerRegionAndPlatform_andWaitsOutTheRace() {
        stubMixedFleet();
        stubCommands();
        DiscoveryResult discovery = client.discover(spec());

        OnboardingResult result = client.onboard(spec(), discovery, OnboardingOptions.builder()
            .pollInterval(Duration.ofMillis(1)).build());

        assertThat(result.commands()).extracting(SentCommand::commandId, SentCommand::documentName,
            SentCommand::instanceIds).containsExactly(
                tuple(LINUX_US, "AWS-RunShellScript", List.of(WEB_01)),
                tuple(WINDOWS_US, "AWS-RunPowerShellScript", List.of(DC_01)),
                tuple(LINUX_EU, "AWS-RunShellScript", List.of(APP_EU)));
        assertThat(result.instances()).extracting(InstanceOnboarding::instanceId, InstanceOnboarding::status)
            .containsExactlyInAnyOrder(
                tuple(WEB_01, OnboardingStatus.SUCCEEDED),
                tuple(DC_01, OnboardingStatus.FAILED),
                tuple(APP_EU, OnboardingStatus.SUCCEEDED));
        assertThat(result.instances(OnboardingStatus.FAILED).get(0).errorTail())
            .contains("AZCM0041: The credentials supplied are invalid");
        assertThat(result.regions()).extracting(RegionOnboarding::status).containsExactly(
            RegionOnboarding.Status.OK, RegionOnboarding.Status.OK, RegionOnboarding.Status.SKIPPED);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
            .withRequestBody(matchingJsonPath("$.InstanceId", equalTo(WEB_01))))).hasSize(3);
        assertThat(result.toString()).doesNotContain(SP_SECRET);
    }

    @Test
    void onboard_sendCommandBody_carriesDocumentInstancesScriptAndLimits() {
        stubMixedFleet();
        stubCommands();
        DiscoveryResult discovery = client.discover(spec());

        client.onboard(spec(), discovery, OnboardingOptions.builder().pollInterval(Duration.ofMillis(1))
            .maxConcurrency("10").maxErrors("0").executionTimeout(Duration.ofMinutes(20)).build());

        List<LoggedRequest> sends = wireMock.findAll(postRequestedFor(urlEqualTo("/"))
            .withHeader("Authorization", containing("/us-east-1/ssm/aws4_request"))
            .withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand")));
        JsonNode linux = sends.stream().map(AwsFleetWireTest::json)
            .filter(body -> body.get("DocumentName").asText().equals("AWS-RunShellScript")).findFirst().orElseThrow();
        assertThat(linux.get("InstanceIds").toString()).isEqualTo("[\"" + WEB_01 + "\"]");
        assertThat(linux.at("/Parameters/executionTimeout").toString()).isEqualTo("[\"1200\"]");
        assertThat(linux.at("/Parameters/commands/0").asText()).isEqualTo("set -eu");
        assertThat(linux.at("/Parameters/commands").toString()).contains("azcmagent connect --config");
        assertThat(linux.get("MaxConcurrency").asText()).isEqualTo("10");
        assertThat(linux.get("MaxErrors").asText()).isEqualTo("0");
        assertThat(linux.get("Comment").asText()).isEqualTo("Azure Arc onboarding for connector Prod account");
        JsonNode windows = sends.stream().map(AwsFleetWireTest::json)
            .filter(body -> body.get("DocumentName").asText().equals("AWS-RunPowerShellScript")).findFirst()
            .orElseThrow();
        assertThat(windows.get("InstanceIds").toString()).isEqualTo("[\"" + DC_01 + "\"]");
        assertThat(windows.at("/Parameters/commands/0").asText()).isEqualTo("$ErrorActionPreference = 'Stop'");
    }

    @Test
    void invocation_invocationDoesNotExist_isEmpty() {
        wireMock.stubFor(ssm("us-east-1", "GetCommandInvocation").willReturn(ssmError(400,
            "ssm-InvocationDoesNotExist.400.json")));

        Optional<CommandInvocation> invocation = adapter.fleet().invocation(spec(), "us-east-1", LINUX_US, WEB_01);

        assertThat(invocation).isEmpty();
    }

    @Test
    void invocation_otherError_throwsNamingOperationRegionAndCode() {
        wireMock.stubFor(ssm("eu-west-1", "GetCommandInvocation").willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"InvalidCommandId\",\"message\":\"no such command\"}")));

        assertThatThrownBy(() -> adapter.fleet().invocation(spec(), "eu-west-1", "nope", WEB_01))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("ssm:GetCommandInvocation in eu-west-1 failed: InvalidCommandId (HTTP 400)");
    }

    @Test
    void sendCommand_accessDenied_throwsAccessDeniedNamingThePermission() {
        wireMock.stubFor(ssm("us-east-1", "SendCommand").willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform: "
                + "ssm:SendCommand\"}")));

        assertThatThrownBy(() -> adapter.fleet().sendCommand(spec(), "us-east-1", RunCommand
            .builder().documentName("AWS-RunShellScript").addInstanceIds(WEB_01).addCommands("echo hi")
            .maxConcurrency("50").maxErrors("0").executionTimeout(Duration.ofMinutes(1)).comment("test").build()))
            .isInstanceOfSatisfying(AccessDeniedException.class, e ->
                assertThat(e.permission()).contains("ssm:SendCommand"))
            .hasMessageContaining("ssm:SendCommand in us-east-1");
    }

    private void stubMixedFleet() {
        wireMock.stubFor(ec2("us-east-1").withRequestBody(notContaining("NextToken"))
            .willReturn(xml(200, "ec2-DescribeInstances.us-east-1.page1.xml")));
        wireMock.stubFor(ec2("us-east-1").withRequestBody(containing("NextToken=ec2-page-2-token"))
            .willReturn(xml(200, "ec2-DescribeInstances.us-east-1.page2.xml")));
        wireMock.stubFor(ec2("eu-west-1").willReturn(xml(200, "ec2-DescribeInstances.eu-west-1.xml")));
        wireMock.stubFor(ec2("ap-southeast-2").willReturn(xml(403, "ec2-UnauthorizedOperation.403.xml")));
        wireMock.stubFor(ssm("us-east-1", "DescribeInstanceInformation").withRequestBody(notContaining("NextToken"))
            .willReturn(ssmJson("ssm-DescribeInstanceInformation.us-east-1.page1.json")));
        wireMock.stubFor(ssm("us-east-1", "DescribeInstanceInformation")
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo("ssm-page-2-token")))
            .willReturn(ssmJson("ssm-DescribeInstanceInformation.us-east-1.page2.json")));
        wireMock.stubFor(ssm("eu-west-1", "DescribeInstanceInformation")
            .willReturn(ssmJson("ssm-DescribeInstanceInformation.eu-west-1.json")));
    }

    private void stubCommands() {
        stubSend("us-east-1", "AWS-RunShellScript", LINUX_US);
        stubSend("us-east-1", "AWS-RunPowerShellScript", WINDOWS_US);
        stubSend("eu-west-1", "AWS-RunShellScript", LINUX_EU);

        String race = "invocation of " + WEB_01;
        wireMock.stubFor(invocation("us-east-1", WEB_01).inScenario(race).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(ssmError(400, "ssm-InvocationDoesNotExist.400.json")).willSetStateTo("registered"));
        wireMock.stubFor(invocation("us-east-1", WEB_01).inScenario(race).whenScenarioStateIs("registered")
            .willReturn(ssmJson("ssm-GetCommandInvocation.InProgress.json")).willSetStateTo("done"));
        wireMock.stubFor(invocation("us-east-1", WEB_01).inScenario(race).whenScenarioStateIs("done")
            .willReturn(ssmJson("ssm-GetCommandInvocation.Success.json")));
        wireMock.stubFor(invocation("us-east-1", DC_01).willReturn(ssmJson("ssm-GetCommandInvocation.Failed.json")));
        wireMock.stubFor(invocation("eu-west-1", APP_EU).willReturn(ssmJson("ssm-GetCommandInvocation.Success.json")));
    }

    private void stubSend(String region, String document, String commandId) {
        wireMock.stubFor(ssm(region, "SendCommand").withRequestBody(matchingJsonPath("$.DocumentName",
            equalTo(document))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(fixture("ssm-SendCommand.200.json").replace("57c452d6-7ffd-46c0-8bba-b9bb64f8b297",
                    commandId))));
    }

    private static MappingBuilder ec2(String region) {
        return post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/" + region + "/ec2/aws4_request"))
            .withRequestBody(containing("Action=DescribeInstances"));
    }

    private static MappingBuilder ssm(String region, String operation) {
        return post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/" + region + "/ssm/aws4_request"))
            .withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation));
    }

    private static MappingBuilder invocation(String region, String instanceId) {
        return ssm(region, "GetCommandInvocation").withRequestBody(matchingJsonPath("$.InstanceId",
            equalTo(instanceId)));
    }

    private static ResponseDefinitionBuilder xml(int status, String name) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody(fixture(name));
    }

    private static ResponseDefinitionBuilder ssmJson(String name) {
        return ssmError(200, name);
    }

    private static ResponseDefinitionBuilder ssmError(int status, String name) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(fixture(name));
    }

    private static String fixture(String name) {
        try (InputStream in = AwsFleetWireTest.class.getResourceAsStream("/fleet/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConnectorSpec spec() {
        return ConnectorSpec.builder()
            .displayName("Prod account")
            .connectorName("prod-account")
            .subscriptionId("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
            .tenantId("ffffffff-1111-2222-3333-444444444444")
            .awsAccountId("123456789012")
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .arc(ArcSettings.builder().resourceGroup("arc-machines").azureRegion("westeurope")
                .servicePrincipalId("11111111-2222-3333-4444-555555555555").servicePrincipalSecret(Secret.of(SP_SECRET))
                .build())
            .build();
    }
}
