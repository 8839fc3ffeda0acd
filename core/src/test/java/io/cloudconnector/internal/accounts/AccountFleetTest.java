package io.cloudconnector.internal.accounts;

import static io.cloudconnector.internal.accounts.Estates.ADMIN;
import static io.cloudconnector.internal.accounts.Estates.finding;
import static io.cloudconnector.internal.accounts.Estates.listed;
import static io.cloudconnector.internal.accounts.Estates.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AccountFleet;
import io.cloudconnector.AccountReport;
import io.cloudconnector.AccountRun;
import io.cloudconnector.AccountStep;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FleetOptions;
import io.cloudconnector.FleetReport;
import io.cloudconnector.MemberAccount;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.SpecJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountFleetTest {

    private static final int MEMBERS = 7;

    private final FakeEstate estate = new FakeEstate();
    private final ConnectorClient client = ConnectorClient.of(estate, estate);

    @BeforeEach
    void members() {
        for (int n = 1; n <= MEMBERS; n++) {
            estate.members.add(listed(member(n), "Enabled"));
        }
        estate.members.add(listed(member(99), "Resigned"));
    }

    @Test
    void fleet_readsTheEnabledMembers_administratorFirst() {
        AccountFleet fleet = client.fleet(Estates.administrator(), Estates.template().build());

        assertThat(fleet.specs()).hasSize(MEMBERS + 1);
        assertThat(fleet.specs().get(0).awsAccountId()).isEqualTo(ADMIN);
        assertThat(fleet.members()).hasSize(MEMBERS + 1);
        assertThat(fleet.excludedMembers()).containsExactly(MemberAccount.of(member(99), "Resigned"));
    }

    @Test
    void fleet_includeAllMembers_everyMemberGetsASpec() {
        AccountFleet fleet = client.fleet(Estates.administrator(), Estates.template().includeAllMembers(true).build());

        assertThat(fleet.specs()).extracting(ConnectorSpec::awsAccountId).contains(member(99));
    }

    @Test
    void run_manyAccountsAndRegions_callsInFlightHeldToTheOneLimit() {
        estate.joinAt(3);

        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build()).run(options(3));

        assertThat(estate.peak()).isLessThanOrEqualTo(3).isGreaterThan(1);
        assertThat(report.peakConcurrentCalls()).isLessThanOrEqualTo(3);
        assertThat(report.maxConcurrentCalls()).isEqualTo(3);
        assertThat(report.accounts()).hasSize(MEMBERS + 1).allMatch(account ->
            account.outcome() == AccountReport.Outcome.COMPLETED);
    }

    @Test
    void run_higherLimit_moreCallsAtOnce() {
        estate.joinAt(8);

        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build()).run(options(64));

        assertThat(estate.peak()).isGreaterThan(3);
        assertThat(report.peakConcurrentCalls()).isGreaterThanOrEqualTo(estate.peak());
    }

    @Test
    void run_oneMembersRoleCannotBeAssumed_reportedForItOthersComplete() {
        estate.unassumable.add(member(4));

        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build()).run(options(4));

        AccountReport failed = report.accounts().get(0);
        assertThat(failed.accountId()).isEqualTo(member(4));
        assertThat(failed.outcome()).isEqualTo(AccountReport.Outcome.FAILED);
        assertThat(failed.failedStep()).contains(AccountStep.READINESS);
        assertThat(failed.failure().orElseThrow()).startsWith("the credentials do not work:")
            .contains("sts:AssumeRole");
        assertThat(failed.connectorChange()).isEmpty();
        assertThat(report.accounts(AccountReport.Outcome.COMPLETED)).hasSize(MEMBERS);
        assertThat(estate.connectors).hasSize(MEMBERS);
    }

    @Test
    void run_connectFailsForOneAccount_failedAtConnectOthersOnboarded() {
        estate.connectFailing.add(member(2));

        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build()).run(options(4));

        AccountReport failed = report.account(member(2)).orElseThrow();
        assertThat(failed.failedStep()).contains(AccountStep.CONNECT);
        assertThat(failed.failure().orElseThrow()).contains("InternalServerError");
        assertThat(failed.instancesByVerdict()).isEmpty();
        AccountReport other = report.account(member(3)).orElseThrow();
        assertThat(other.outcome()).isEqualTo(AccountReport.Outcome.COMPLETED);
        assertThat(other.connectorChange()).contains(ConnectResult.Change.CREATED);
        assertThat(other.instancesByVerdict()).containsEntry(OnboardingVerdict.ELIGIBLE, 2)
            .containsEntry(OnboardingVerdict.NOT_RUNNING, 2);
        assertThat(other.onboarded()).isEqualTo(2);
        assertThat(report.instancesByVerdict().get(OnboardingVerdict.ELIGIBLE)).isEqualTo(2 * MEMBERS);
    }

    @Test
    void run_notReadyAccounts_stopAfterReadinessByDefault() {
        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build())
            .run(FleetOptions.builder().readFindings(false).build());

        assertThat(report.accounts()).allSatisfy(account -> {
            assertThat(account.outcome()).isEqualTo(AccountReport.Outcome.NOT_READY);
            assertThat(account.failedChecks()).contains("iam.role.trust");
            assertThat(account.connectorChange()).isEmpty();
        });
        assertThat(estate.connectors).isEmpty();
        assertThat(report.findingsRead()).isFalse();
        assertThat(estate.findingsCalledFor).isEmpty();
    }

    @Test
    void run_findings_readOnceFromTheAdministratorAndCountedPerAccount() {
        estate.findingPages.add(List.of(finding("a1", ADMIN, "HIGH", 1), finding("m1", member(1), "LOW", 2),
            finding("m2", member(1), "LOW", 3), finding("x1", "999999999999", "CRITICAL", 4)));
        estate.findingPages.add(List.of(finding("m1", member(1), "CRITICAL", 9),
            finding("m3", member(3), "MEDIUM", 9)));

        FleetReport report = client.fleet(Estates.administrator(), Estates.template().build()).run(options(4));

        assertThat(estate.findingsCalledFor).isNotEmpty().containsOnly(ADMIN);
        assertThat(report.findingsBySeverity(ADMIN)).containsEntry(SeverityLabel.HIGH, 1L);
        assertThat(report.findingsBySeverity(member(1))).containsEntry(SeverityLabel.CRITICAL, 1L)
            .containsEntry(SeverityLabel.LOW, 1L);
        assertThat(report.findingsBySeverity(member(3))).containsEntry(SeverityLabel.MEDIUM, 1L);
        assertThat(report.findingsBySeverity().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        assertThat(report.accountsOutsideFleet()).containsExactly("999999999999");
    }

    @Test
    void report_accountsRunElsewhereFromJsonSpecs_sameFiguresAsOneRun() {
        AccountFleet fleet = client.fleet(Estates.administrator(), Estates.template().build());
        FleetOptions options = options(4);

        List<AccountReport> collected = fleet.specs().stream()
            .map(SpecJson::writeRevealingSecrets)
            .map(json -> AccountRun.run(client, SpecJson.read(json), options).toJson())
            .map(AccountReport::fromJson)
            .toList();
        FleetReport report = fleet.report(collected, options);

        assertThat(fleet.specs().stream().map(SpecJson::writeRevealingSecrets).map(SpecJson::read).toList())
            .isEqualTo(fleet.specs());
        assertThat(report.accounts()).hasSize(MEMBERS + 1)
            .allMatch(account -> account.outcome() == AccountReport.Outcome.COMPLETED);
        assertThat(report.instancesByVerdict()).isEqualTo(fleet.run(options).instancesByVerdict());
    }

    @Test
    void accountReport_json_readsBackEqualAndIgnoresUnknownFields() {
        AccountReport report = AccountRun.run(client, Estates.administrator(), options(2));

        String json = report.toJson();

        assertThat(AccountReport.fromJson(json)).isEqualTo(report);
        assertThat(AccountReport.fromJson(json.replaceFirst("\\{", "{\"addedLater\": 1,"))).isEqualTo(report);
        assertThat(json).contains("\"outcome\" : \"COMPLETED\"", "\"duration\" : \"PT");
    }

    @Test
    void accountReport_notAReport_rejectedWithWhere() {
        assertThatThrownBy(() -> AccountReport.fromJson("{\"accountId\": 12,"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("Not an account report:");
    }

    private static FleetOptions options(int maxConcurrentCalls) {
        return FleetOptions.builder().maxConcurrentCalls(maxConcurrentCalls).continueWhenNotReady(true)
            .onboardingOptions(OnboardingOptions.builder().pollInterval(Duration.ofMillis(1)).build())
            .build();
    }
}
