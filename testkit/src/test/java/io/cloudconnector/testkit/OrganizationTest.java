package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Member;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The organisation seed: an administrator and its members, each answered as the account of the credentials. */
class OrganizationTest {

    private static final String MEMBER = "210987654303";
    private static final String UNASSUMABLE = "210987654307";

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;
    private static SandboxSeed seed;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.builder().seed(SandboxSeed.organizationSeed()).withoutQuota().start();
        clients = new AwsTestClients(sandbox);
        seed = sandbox.seed();
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void organizationSeed_twelveMembersTwoNotEnabled_defaultSeedHasNone() {
        assertThat(seed.members()).hasSize(12);
        assertThat(seed.members()).filteredOn(member -> !member.enabled()).extracting(SandboxSeed.Member::status)
            .containsExactly("Removed", "Resigned");
        assertThat(seed.accounts()).hasSize(13).first().isSameAs(seed);
        assertThat(SandboxSeed.defaultSeed().members()).isEmpty();
        assertThat(SandboxSeed.organizationSeed()).isEqualTo(seed);
        assertThat(SandboxSeed.fromJson(seed.toJson())).isEqualTo(seed);
    }

    @Test
    void constructor_memberWithTheAdministratorsId_isRejected() {
        SandboxSeed twin = SandboxSeed.defaultSeed();

        assertThatThrownBy(() -> twin.withMembers(List.of(new SandboxSeed.Member(twin, "Enabled"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void assumeRole_membersRole_sessionBelongsToTheMember() {
        AwsCredentials session = assume(MEMBER, seed.azure().subscriptionId());

        StsClient asMember = clients.build(StsClient.builder(), "us-east-1", session);
        Ec2Client ec2 = clients.build(Ec2Client.builder(), "us-east-1", session);

        assertThat(asMember.getCallerIdentity().account()).isEqualTo(MEMBER);
        assertThat(ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
            .map(Instance::instanceId)).containsExactlyInAnyOrderElementsOf(seed.account(MEMBER).orElseThrow()
                .instancesIn("us-east-1").stream().map(SandboxSeed.Instance::instanceId).toList());
        assertThat(clients.build(IamClient.builder(), "us-east-1", session).getRole(r -> r.roleName("AscConnector"))
            .role().arn()).isEqualTo("arn:aws:iam::" + MEMBER + ":role/AscConnector");
        assertThat(sandbox.stats().accountRequests(MEMBER, "ec2:DescribeInstances")).isEqualTo(1);
    }

    @Test
    void assumeRole_memberWhoseRoleTrustsAnotherExternalId_isAccessDenied() {
        assertThatThrownBy(() -> assume(UNASSUMABLE, seed.azure().subscriptionId()))
            .isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            });
    }

    @Test
    void listMembers_onlyAssociatedByDefault_theEnabledOnes() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");

        List<Member> associated = hub.listMembersPaginator(r -> r.maxResults(4)).members().stream().toList();
        List<Member> all = hub.listMembersPaginator(r -> r.onlyAssociated(false).maxResults(5)).members().stream()
            .toList();

        assertThat(associated).hasSize(10).extracting(Member::memberStatus).containsOnly("Enabled");
        assertThat(all).hasSize(12).extracting(Member::memberStatus).contains("Removed", "Resigned");
        assertThat(all).extracting(Member::administratorId).containsOnly(seed.accountId());
    }

    @Test
    void getFindings_administrator_seesItsEnabledMembersFindingsOnly() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1");

        Set<String> accounts = hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
            .map(AwsSecurityFinding::awsAccountId).collect(Collectors.toSet());

        assertThat(accounts).contains(seed.accountId(), MEMBER, UNASSUMABLE)
            .doesNotContain("210987654311", "210987654312");
        assertThat(seed.findingsIn("us-east-1")).extracting(SeedFinding::awsAccountId).contains(MEMBER)
            .doesNotContain("210987654311");
    }

    @Test
    void getFindings_member_seesOnlyItsOwn() {
        SecurityHubClient hub = clients.build(SecurityHubClient.builder(), "us-east-1",
            assume(MEMBER, seed.azure().subscriptionId()));

        assertThat(hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
            .map(AwsSecurityFinding::awsAccountId).distinct()).containsExactly(MEMBER);
    }

    private static AwsCredentials assume(String account, String externalId) {
        StsClient sts = clients.build(StsClient.builder(), "us-east-1");
        Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/AscConnector")
            .roleSessionName("organization-test").externalId(externalId)).credentials();
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
            credentials.sessionToken());
    }
}
