package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.InvalidAccessException;
import software.amazon.awssdk.services.securityhub.model.InvalidInputException;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The sandbox's AWS side, driven by the real aws-sdk-java-v2 clients. */
class AwsProtocolTest {

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;
    private static SandboxSeed seed;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.builder().withoutQuota().start();
        clients = new AwsTestClients(sandbox);
        seed = sandbox.seed();
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void getCallerIdentity_baseCredentials_reportsTheAccount() {
        StsClient sts = clients.build(StsClient.builder(), "us-east-1");

        assertThat(sts.getCallerIdentity().account()).isEqualTo(seed.accountId());
        assertThat(sts.getCallerIdentity().arn()).endsWith(":user/sandbox-admin");
    }

    @Test
    void assumeRole_rightExternalId_issuesWorkingSessionCredentials() {
        StsClient sts = clients.build(StsClient.builder(), "us-east-1");

        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(seed.connectorRoleArn())
            .roleSessionName("test").externalId(seed.azure().subscriptionId()));

        StsClient asRole = clients.build(StsClient.builder(), "eu-west-1", AwsSessionCredentials.create(
            assumed.credentials().accessKeyId(), assumed.credentials().secretAccessKey(),
            assumed.credentials().sessionToken()));
        assertThat(asRole.getCallerIdentity().arn()).endsWith(":assumed-role/AscConnector/test");
        assertThat(sandbox.secrets()).contains(assumed.credentials().sessionToken());
    }

    @Test
    void assumeRole_wrongExternalId_isAccessDenied() {
        StsClient sts = clients.build(StsClient.builder(), "us-east-1");

        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(seed.connectorRoleArn()).roleSessionName("test")
            .externalId("someone-else")))
            .isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.getMessage()).contains("sts:AssumeRole");
            });
    }

    @Test
    void describeRegions_allRegions_listsTheNotOptedInOne() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "us-east-1");

        List<Region> all = ec2.describeRegions(r -> r.allRegions(true)).regions();
        List<Region> enabled = ec2.describeRegions().regions();

        assertThat(all).anySatisfy(r -> {
            assertThat(r.regionName()).isEqualTo("af-south-1");
            assertThat(r.optInStatus()).isEqualTo("not-opted-in");
        });
        assertThat(enabled).extracting(Region::regionName).contains("us-east-1", "eu-west-1", "ap-southeast-2")
            .doesNotContain("af-south-1");
    }

    @Test
    void describeInstances_pagesOfFive_returnEveryInstanceOfTheRegion() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "us-east-1");

        List<Instance> instances = ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations().stream()
            .flatMap(r -> r.instances().stream()).collect(Collectors.toList());

        assertThat(instances).extracting(Instance::instanceId).containsExactlyElementsOf(
            seed.instancesIn("us-east-1").stream().map(SandboxSeed.Instance::instanceId).collect(Collectors.toList()));
        assertThat(instances).anySatisfy(i -> assertThat(i.platformAsString()).isEqualTo("windows"));
        assertThat(instances).anySatisfy(i -> assertThat(i.iamInstanceProfile()).isNull());
    }

    @Test
    void describeInstances_notOptedInRegion_isAuthFailure() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "af-south-1");

        assertThatThrownBy(ec2::describeInstances).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        });
    }

    @Test
    void getRole_trustPolicy_isUrlEncodedJsonWithTheExternalId() {
        IamClient iam = clients.build(IamClient.builder(), "us-east-1");

        String document = iam.getRole(r -> r.roleName("AscConnector")).role().assumeRolePolicyDocument();

        assertThat(document).contains("%22sts%3AExternalId%22");
        assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8))
            .isEqualTo(seed.role("AscConnector").orElseThrow().trustPolicy());
    }

    @Test
    void getRole_unknownRole_isNoSuchEntity() {
        IamClient iam = clients.build(IamClient.builder(), "us-east-1");

        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("Missing"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void listAttachedRolePolicies_threePolicies_comeInTwoPages() {
        IamClient iam = clients.build(IamClient.builder(), "us-east-1");
        long before = sandbox.stats().requests("iam:ListAttachedRolePolicies");

        List<String> arns = iam.listAttachedRolePoliciesPaginator(r -> r.roleName("AscConnector"))
            .attachedPolicies().stream().map(AttachedPolicy::policyArn).collect(Collectors.toList());

        assertThat(arns).containsExactlyElementsOf(seed.role("AscConnector").orElseThrow().attachedPolicyArns());
        assertThat(sandbox.stats().requests("iam:ListAttachedRolePolicies") - before).isEqualTo(2);
    }

    @Test
    void describeHub_regionWithoutHub_isInvalidAccess() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "ap-southeast-2");

        assertThatThrownBy(() -> hub.describeHub(r -> { })).isInstanceOfSatisfying(InvalidAccessException.class,
            e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void getFindings_allPages_matchTheSeedForTheRegion() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");

        List<String> ids = hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
            .map(AwsSecurityFinding::id).collect(Collectors.toList());

        assertThat(ids).hasSize(seed.findingsIn("us-east-1").size()).doesNotHaveDuplicates();
    }

    @Test
    void getFindings_activeCriticalFilter_countsAsTheSeed() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "eu-west-1");
        AwsSecurityFindingFilters filters = AwsSecurityFindingFilters.builder()
            .severityLabel(equalsTo("CRITICAL"), equalsTo("HIGH")).recordState(equalsTo("ACTIVE")).build();

        long count = hub.getFindingsPaginator(r -> r.filters(filters).maxResults(20)).findings().stream().count();

        long expected = seed.findingsIn("eu-west-1").stream().filter(f -> f.recordState().equals("ACTIVE"))
            .filter(f -> List.of("CRITICAL", "HIGH").contains(f.severityLabel().orElse(""))).count();
        assertThat(count).isPositive().isEqualTo(expected);
    }

    @Test
    void getFindings_expiredToken_isInvalidInput() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        String token = hub.getFindings(r -> r.maxResults(10)).nextToken();

        sandbox.expirePageTokens();

        assertThatThrownBy(() -> hub.getFindings(r -> r.maxResults(10).nextToken(token)))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("expired"));
    }

    @Test
    void describeStandardsControls_cis120_pagesThroughTheSeededControls() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");
        String subscription = hub.getEnabledStandards(r -> { }).standardsSubscriptions().get(0)
            .standardsSubscriptionArn();

        long controls = hub.describeStandardsControlsPaginator(r -> r.standardsSubscriptionArn(subscription)
            .maxResults(10)).controls().stream().count();

        assertThat(subscription).endsWith(":subscription/cis-aws-foundations-benchmark/v/1.2.0");
        assertThat(controls).isEqualTo(seed.standards().get(0).controls().size());
    }

    @Test
    void describeInstanceInformation_pagesOfFive_listManagedRunningInstances() {
        SsmClient ssm = clients.build(SsmClient.builder(), "us-east-1");

        List<InstanceInformation> managed = ssm.describeInstanceInformationPaginator(r -> r.maxResults(5))
            .instanceInformationList().stream().collect(Collectors.toList());

        assertThat(managed).extracting(InstanceInformation::instanceId).containsExactlyElementsOf(
            seed.instancesIn("us-east-1").stream().filter(SandboxSeed.Instance::ssmManaged)
                .map(SandboxSeed.Instance::instanceId).collect(Collectors.toList()));
        assertThat(managed).extracting(InstanceInformation::pingStatusAsString).contains("Online", "ConnectionLost");
    }

    @Test
    void describeConfigurationRecorderStatus_stoppedRegion_isNotRecording() {
        ConfigClient config = clients.build(ConfigClient.builder(), "ap-southeast-2");

        List<ConfigurationRecorderStatus> status = config.describeConfigurationRecorderStatus()
            .configurationRecordersStatus();

        assertThat(status).singleElement().satisfies(s -> assertThat(s.recording()).isFalse());
    }

    @Test
    void inject_connectionReset_breaksOneCallOnly() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "eu-west-1");
        InjectedFault fault = sandbox.inject(SandboxFault.on("ec2:DescribeRegions").inRegion("eu-west-1")
            .connectionReset());

        assertThatThrownBy(ec2::describeRegions).isInstanceOf(SdkClientException.class);
        assertThat(ec2.describeRegions().regions()).isNotEmpty();
        assertThat(fault.fired()).isEqualTo(1);
    }

    @Test
    void inject_throttleAfterOneCall_answersTheServicesThrottlingError() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "ap-southeast-2");
        try (InjectedFault fault = sandbox.inject(SandboxFault.on("ec2:*").inRegion("ap-southeast-2").after(1)
            .throttle())) {

            ec2.describeRegions();

            assertThatThrownBy(ec2::describeInstances).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                assertThat(e.isThrottlingException()).isTrue();
            });
            assertThat(fault.fired()).isEqualTo(1);
        }
    }

    private static StringFilter equalsTo(String value) {
        return StringFilter.builder().value(value).comparison(StringFilterComparison.EQUALS).build();
    }
}
