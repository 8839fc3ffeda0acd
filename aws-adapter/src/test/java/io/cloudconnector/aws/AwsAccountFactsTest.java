package io.cloudconnector.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwsAccountFactsTest {

    private static final WireMockServer WIREMOCK = new WireMockServer(options().dynamicPort());

    private final AwsStubs stubs = new AwsStubs(WIREMOCK);
    private AwsAdapter adapter;
    private AccountPort account;

    @BeforeAll
    static void start() {
        WIREMOCK.start();
    }

    @AfterAll
    static void stop() {
        WIREMOCK.stop();
    }

    @BeforeEach
    void setUp() {
        WIREMOCK.resetAll();
        adapter = AwsAdapter.create(AwsStubs.endpoints(WIREMOCK));
        account = adapter.account();
    }

    @AfterEach
    void tearDown() {
        adapter.close();
    }

    @Test
    void callerIdentity_accessKeys_readsStsAnswer() {
        stubs.stub(stubs.query("GetCallerIdentity"), 200, "sts-GetCallerIdentity.200.xml");

        CallerIdentity identity = account.callerIdentity(AwsStubs.spec().build());

        assertThat(identity.account()).isEqualTo(AwsStubs.ACCOUNT);
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/connector");
        assertThat(stubs.signedRegions()).singleElement().asString().contains("/us-east-1/sts/aws4_request");
    }

    @Test
    void callerIdentity_assumeRole_assumesWithExternalIdThenAsksAsTheRole() {
        stubs.stub(stubs.query("AssumeRole"), 200, "sts-AssumeRole.200.xml");
        stubs.stub(stubs.query("GetCallerIdentity"), 200, "sts-GetCallerIdentity.200.xml");

        account.callerIdentity(assumeRoleSpec());

        WIREMOCK.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
            .withRequestBody(containing("ExternalId=" + AwsStubs.SUBSCRIPTION))
            .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAscConnector")));
        WIREMOCK.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity&"))
            .withHeader("Authorization", containing("Credential=ASIAIOSFODNN7EXAMPLE/")));
    }

    @Test
    void callerIdentity_assumeRoleRefused_failsAsAssumeRoleWithStsMessage() {
        stubs.stub(stubs.query("AssumeRole"), 403, "sts-AssumeRole.403.xml");

        assertThatThrownBy(() -> account.callerIdentity(assumeRoleSpec()))
            .isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.operation()).hasValue("sts:AssumeRole");
                assertThat(e.getMessage()).contains("AccessDenied", "is not authorized to perform: sts:AssumeRole");
            });
    }

    @Test
    void regions_allRegions_keepsOptInStatus() {
        stubs.stub(stubs.query("DescribeRegions"), 200, "ec2-DescribeRegions.200.xml");

        List<RegionInfo> regions = account.regions(AwsStubs.spec().build());

        assertThat(regions).contains(RegionInfo.of("us-east-1", "opt-in-not-required"),
            RegionInfo.of("ap-east-1", "not-opted-in"));
        assertThat(regions.stream().filter(region -> !region.enabled())).hasSize(6);
        WIREMOCK.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("AllRegions=true")));
    }

    @Test
    void configRecorder_stopped_reportsItNotRecording() {
        stubs.stub(stubs.json("StarlingDoveService.DescribeConfigurationRecorders"), 200,
            "config-DescribeConfigurationRecorders.200.json");
        stubs.stub(stubs.json("StarlingDoveService.DescribeConfigurationRecorderStatus"), 200,
            "config-DescribeConfigurationRecorderStatus.stopped.json");

        ConfigRecorderFacts facts = account.configRecorder(AwsStubs.spec().build(), "eu-west-1");

        assertThat(facts.recorders()).singleElement().satisfies(recorder -> {
            assertThat(recorder.name()).isEqualTo("default");
            assertThat(recorder.recording()).isFalse();
            assertThat(recorder.lastStatus()).hasValue("Success");
            assertThat(recorder.allSupported()).isTrue();
        });
        assertThat(stubs.signedRegions()).allSatisfy(auth -> assertThat(auth).contains("/eu-west-1/config/"));
    }

    @Test
    void configRecorder_accessDenied_namesTheMissingPermissionAndRegion() {
        stubs.stub(stubs.json("StarlingDoveService.DescribeConfigurationRecorders"), 400,
            "config-AccessDenied.400.json");

        assertThatThrownBy(() -> account.configRecorder(AwsStubs.spec().build(), "eu-west-1"))
            .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.permission()).hasValue("config:DescribeConfigurationRecorders");
                assertThat(e.region()).hasValue("eu-west-1");
                assertThat(e.getMessage()).startsWith("config:DescribeConfigurationRecorders in eu-west-1 failed: "
                    + "AccessDeniedException (HTTP 400)");
            });
    }

    @Test
    void securityHub_notSubscribed_isNotEnabledAndAsksNothingMore() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/accounts"))
            .willReturn(AwsStubs.answer(401, "securityhub-DescribeHub.401.json")));

        SecurityHubFacts facts = account.securityHub(AwsStubs.spec().build(), "eu-west-1");

        assertThat(facts.enabled()).isFalse();
        assertThat(facts.hasFindings()).isFalse();
        assertThat(stubs.signedRegions()).hasSize(1);
    }

    @Test
    void securityHub_enabled_readsFindingsAndEveryStandardsPage() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/accounts"))
            .willReturn(AwsStubs.answer(200, "securityhub-DescribeHub.200.json")));
        WIREMOCK.stubFor(post(urlEqualTo("/findings"))
            .withRequestBody(matchingJsonPath("$.MaxResults", equalTo("1")))
            .willReturn(AwsStubs.answer(200, "securityhub-GetFindings.200.json")));
        WIREMOCK.stubFor(post(urlEqualTo("/standards/get")).atPriority(AwsStubs.DEFAULT_PRIORITY)
            .willReturn(AwsStubs.answer(200, "securityhub-GetEnabledStandards.page1.json")));
        WIREMOCK.stubFor(post(urlEqualTo("/standards/get")).atPriority(AwsStubs.REGION_PRIORITY)
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2-token")))
            .willReturn(AwsStubs.answer(200, "securityhub-GetEnabledStandards.page2.json")));

        SecurityHubFacts facts = account.securityHub(AwsStubs.spec().build(), "us-east-1");

        assertThat(facts.enabled()).isTrue();
        assertThat(facts.hubArn()).hasValue("arn:aws:securityhub:us-east-1:123456789012:hub/default");
        assertThat(facts.hasFindings()).isTrue();
        assertThat(facts.standards()).extracting(StandardSubscription::status).containsExactly("READY", "PENDING");
        assertThat(facts.standards().get(1).standardsArn()).contains("cis-aws-foundations-benchmark/v/3.0.0");
    }

    @Test
    void role_urlEncodedTrustPolicyAndTruncatedPolicyList_isDecodedAndReadToTheLastPage() {
        stubs.stub(stubs.query("GetRole"), 200, "iam-GetRole.200.xml");
        stubs.stub(stubs.query("ListAttachedRolePolicies"), 200, "iam-ListAttachedRolePolicies.page1.xml");
        WIREMOCK.stubFor(stubs.query("ListAttachedRolePolicies").withRequestBody(containing("Marker=AAEAAQ-page-2"))
            .atPriority(AwsStubs.REGION_PRIORITY)
            .willReturn(AwsStubs.answer(200, "iam-ListAttachedRolePolicies.page2.xml")));

        Optional<IamPrincipalFacts> role = account.role(AwsStubs.spec().build(), "AscConnector");

        assertThat(role).hasValueSatisfying(facts -> {
            assertThat(facts.arn()).isEqualTo("arn:aws:iam::123456789012:role/AscConnector");
            assertThat(facts.trustPolicy()).hasValue(AwsStubs.fixture("trust-policy.json").strip());
            assertThat(facts.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/SecurityAudit",
                "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole",
                "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess");
        });
        assertThat(stubs.signedRegions()).hasSize(3).allSatisfy(auth -> assertThat(auth).contains("/iam/"));
    }

    @Test
    void role_noSuchEntity_isEmpty() {
        stubs.stub(stubs.query("GetRole"), 404, "iam-GetRole.404.xml");

        assertThat(account.role(AwsStubs.spec().build(), "does-not-exist")).isEmpty();
    }

    @Test
    void user_existing_readsAttachedPolicies() {
        stubs.stub(stubs.query("GetUser"), 200, "iam-GetUser.200.xml");
        stubs.stub(stubs.query("ListAttachedUserPolicies"), 200, "iam-ListAttachedUserPolicies.200.xml");

        Optional<IamPrincipalFacts> user = account.user(AwsStubs.spec().build(), "connector");

        assertThat(user).hasValueSatisfying(facts -> {
            assertThat(facts.name()).isEqualTo("connector");
            assertThat(facts.trustPolicy()).isEmpty();
            assertThat(facts.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/SecurityAudit");
        });
    }

    @Test
    void user_noSuchEntity_isEmpty() {
        stubs.stub(stubs.query("GetUser"), 404, "iam-GetUser.404.xml");

        assertThat(account.user(AwsStubs.spec().build(), "arc-onboarding")).isEmpty();
    }

    private static ConnectorSpec assumeRoleSpec() {
        return AwsStubs.spec().authentication(AwsAuthentication.assumeRole(
            "arn:aws:iam::123456789012:role/AscConnector")).build();
    }
}
