package io.cloudconnector.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.AccountFleet;
import io.cloudconnector.AccountReport;
import io.cloudconnector.AccountStep;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.FleetOptions;
import io.cloudconnector.FleetReport;
import io.cloudconnector.FleetTemplate;
import io.cloudconnector.MemberAccount;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxStats;
import io.cloudconnector.testkit.SeedFinding;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole fleet end to end over the sandbox with the real adapters: the default account as Security Hub
 * administrator of twelve members (ten enabled, member 7's role not assumable), every step for every account, under
 * one limit of calls in flight; the report's figures checked against the seed.
 */
class FleetOverSandboxTest {

    private static final int LIMIT = 6;
    private static final List<String> MEMBER_REGIONS = List.of("us-east-1", "eu-west-1");
    private static final String UNASSUMABLE = "210987654307";
    private static final Set<String> UBUNTU_SUPPORTED = Set.of("16.04", "18.04");

    private static CloudSandbox sandbox;
    private static SandboxSeed seed;
    private static ConnectorClient client;
    private static ConnectorSpec administrator;
    private static AccountFleet fleet;
    private static FleetReport report;
    private static SandboxStats stats;

    @BeforeAll
    static void runTheFleet() {
        sandbox = CloudSandbox.start(SandboxSeed.organizationSeed());
        seed = sandbox.seed();
        client = ConnectorClient.of(AwsAdapter.create(sandbox.endpoints()), AzureAdapter.builder()
            .endpoints(sandbox.endpoints()).pollInterval(Duration.ofMillis(20)).build());
        administrator = sandbox.spec();
        FleetTemplate template = FleetTemplate.builder()
            .roleName(seed.connectorRoleName())
            .defaultSubscriptionId(seed.azure().subscriptionId())
            .putSubscriptions("210987654301", seed.azure().subscriptionId())
            .arc(administrator.arc())
            .regions(MEMBER_REGIONS)
            .build();
        fleet = client.fleet(administrator, template);
        sandbox.resetStats();

        report = fleet.run(FleetOptions.builder()
            .maxConcurrentCalls(LIMIT)
            .continueWhenNotReady(true)
            .connectOptions(ConnectOptions.builder().registerProviders(true).build())
            .onboardingOptions(OnboardingOptions.builder().pollInterval(Duration.ofMillis(50)).build())
            .build());
        stats = sandbox.stats();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void fleet_enabledMembersGetSpecs_rolePerMemberAndNotEnabledLeftOut() {
        List<SandboxSeed.Member> enabled = seed.members().stream().filter(SandboxSeed.Member::enabled).toList();

        assertThat(fleet.specs()).extracting(ConnectorSpec::awsAccountId).containsExactlyElementsOf(
            seed.accounts().stream().map(SandboxSeed::accountId)
                .filter(id -> id.equals(seed.accountId()) || enabled.stream()
                    .anyMatch(member -> member.account().accountId().equals(id)))
                .toList());
        assertThat(fleet.specs().subList(1, fleet.specs().size())).allSatisfy(spec -> {
            assertThat(((AwsAuthentication.AssumeRole) spec.authentication()).roleArn())
                .isEqualTo("arn:aws:iam::" + spec.awsAccountId() + ":role/AscConnector");
            assertThat(spec.subscriptionId()).isEqualTo(seed.azure().subscriptionId());
            assertThat(spec.regions()).isEqualTo(MEMBER_REGIONS);
        });
        assertThat(report.excludedMembers()).containsExactly(MemberAccount.of("210987654311", "Removed"),
            MemberAccount.of("210987654312", "Resigned"));
    }

    @Test
    void run_callsInFlight_neverMoreThanTheOneLimit() {
        assertThat(stats.peakInFlight()).isLessThanOrEqualTo(LIMIT).isGreaterThan(1);
        assertThat(report.peakConcurrentCalls()).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void run_memberWhoseRoleCannotBeAssumed_failsAloneAndFirst() {
        AccountReport failed = report.accounts().get(0);

        assertThat(failed.accountId()).isEqualTo(UNASSUMABLE);
        assertThat(failed.failedStep()).contains(AccountStep.READINESS);
        assertThat(failed.failure().orElseThrow()).contains("sts:AssumeRole", "AccessDenied");
        assertThat(report.accounts(AccountReport.Outcome.FAILED)).hasSize(1);
        assertThat(report.accounts(AccountReport.Outcome.COMPLETED)).hasSize(fleet.specs().size() - 1);
    }

    @Test
    void run_members_readyConnectedAndInstancesAsSeeded() {
        for (SandboxSeed member : assumableMembers()) {
            AccountReport account = report.account(member.accountId()).orElseThrow();
            assertThat(account.readinessVerdict()).isPresent().get().isNotEqualTo(ReadinessReport.Verdict.NOT_READY);
            assertThat(account.connectorChange()).contains(ConnectResult.Change.CREATED);
            assertThat(account.authenticationState()).contains(ConnectorStatus.AuthenticationState.VALID);
            assertThat(account.instancesByVerdict()).isEqualTo(expectedVerdicts(member));
            assertThat(account.onboarded()).isEqualTo(account.instancesByVerdict().get(OnboardingVerdict.ELIGIBLE));
            assertThat(account.onboardingFailed()).isZero();
        }
    }

    @Test
    void run_administrator_everyInstanceOfItsEnabledRegionsAndItsMissingPolicyReported() {
        AccountReport account = report.account(seed.accountId()).orElseThrow();
        Set<String> enabled = administrator.regions().stream()
            .filter(region -> seed.region(region).orElseThrow().enabled()).collect(Collectors.toSet());

        assertThat(account.outcome()).isEqualTo(AccountReport.Outcome.COMPLETED);
        assertThat(account.instanceCount()).isEqualTo((int) seed.instances().stream()
            .filter(instance -> enabled.contains(instance.region()) && !instance.state().equals("terminated"))
            .count());
        assertThat(account.authenticationState()).contains(ConnectorStatus.AuthenticationState.INCORRECT_POLICY);
        assertThat(account.onboarded() + account.onboardingFailed())
            .isEqualTo(account.instancesByVerdict().get(OnboardingVerdict.ELIGIBLE));
    }

    @Test
    void findings_readOnceFromTheAdministrator_neverPagedFromAMember() {
        for (SandboxSeed member : assumableMembers()) {
            long hubRegions = MEMBER_REGIONS.stream()
                .filter(region -> member.region(region).flatMap(SandboxSeed.Region::securityHub).isPresent())
                .count();
            assertThat(stats.accountRequests(member.accountId(), "securityhub:GetFindings"))
                .as("the readiness probes of %s, one per region with Security Hub", member.accountId())
                .isEqualTo(hubRegions);
        }
        assertThat(stats.accountRequests(UNASSUMABLE, "securityhub:GetFindings")).isZero();
        assertThat(stats.accountRequests(seed.accountId(), "securityhub:GetFindings")).isGreaterThan(2);
    }

    @Test
    void findings_perAccountAndSeverity_asSeededAndEachCountedOnce() {
        Map<String, Map<SeverityLabel, Long>> expected = expectedFindings();

        assertThat(report.findingsByAccount()).isEqualTo(expected);
        assertThat(report.findingsBySeverity().values().stream().mapToLong(Long::longValue).sum())
            .isEqualTo(visibleActiveFindings().stream().map(f -> f.productArn() + " " + f.id()).distinct().count());
        assertThat(report.findingsBySeverity(UNASSUMABLE).values().stream().mapToLong(Long::longValue).sum())
            .isPositive();
        assertThat(report.findingsFailedRegions()).containsOnlyKeys("ap-southeast-2");
    }

    @Test
    void report_textAndJson_nameEveryAccount() {
        assertThat(report.toText()).contains(UNASSUMABLE + " failed at READINESS").contains("210987654311 (Removed)");
        assertThat(report.toJson()).contains("\"administratorAccountId\" : \"" + seed.accountId() + "\"");
        fleet.specs().forEach(spec -> assertThat(report.toText()).contains(spec.awsAccountId()));
    }

    private static List<SandboxSeed> assumableMembers() {
        return seed.members().stream().filter(SandboxSeed.Member::enabled).map(SandboxSeed.Member::account)
            .filter(account -> !account.accountId().equals(UNASSUMABLE)).toList();
    }

    /** The members' instances are all Ubuntu, without Arc machines: the verdict follows from state, SSM and version. */
    private static Map<OnboardingVerdict, Integer> expectedVerdicts(SandboxSeed member) {
        Map<OnboardingVerdict, Integer> counts = new EnumMap<>(OnboardingVerdict.class);
        for (OnboardingVerdict verdict : OnboardingVerdict.values()) {
            counts.put(verdict, 0);
        }
        member.instances().stream().filter(instance -> MEMBER_REGIONS.contains(instance.region()))
            .forEach(instance -> counts.merge(verdict(instance), 1, Integer::sum));
        return counts;
    }

    private static OnboardingVerdict verdict(SandboxSeed.Instance instance) {
        if (!instance.state().equals("running")) {
            return OnboardingVerdict.NOT_RUNNING;
        }
        if (instance.ssmPingStatus().isEmpty()) {
            return OnboardingVerdict.NO_SSM_AGENT;
        }
        if (!instance.ssmPingStatus().get().equals("Online")) {
            return OnboardingVerdict.SSM_OFFLINE;
        }
        return UBUNTU_SUPPORTED.contains(instance.platformVersion()) ? OnboardingVerdict.ELIGIBLE
            : OnboardingVerdict.UNSUPPORTED_OS;
    }

    /** The active findings the administrator's Security Hub shows in the regions of its spec that have a hub. */
    private static List<SeedFinding> visibleActiveFindings() {
        return administrator.regions().stream().flatMap(region -> seed.findingsIn(region).stream())
            .filter(finding -> finding.recordState().equals("ACTIVE")).toList();
    }

    private static Map<String, Map<SeverityLabel, Long>> expectedFindings() {
        return visibleActiveFindings().stream().collect(Collectors.groupingBy(SeedFinding::awsAccountId,
            Collectors.groupingBy(finding -> SeverityLabel.valueOf(finding.severityLabel().orElseThrow()),
                Collectors.counting())));
    }
}
