package io.cloudconnector.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.AccountReport;
import io.cloudconnector.AccountStep;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.FleetReport;
import io.cloudconnector.MemberAccount;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.SeverityLabel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetReportTest {

    private static final String ADMIN = Estates.ADMIN;

    @Test
    void accounts_failedFirstThenSlowestFirst() {
        FleetReport report = report(account(ADMIN, AccountReport.Outcome.COMPLETED, 4),
            account(Estates.member(1), AccountReport.Outcome.NOT_READY, 9),
            account(Estates.member(2), AccountReport.Outcome.FAILED, 1),
            account(Estates.member(3), AccountReport.Outcome.COMPLETED, 12),
            account(Estates.member(4), AccountReport.Outcome.FAILED, 3));

        assertThat(report.accounts()).extracting(AccountReport::accountId).containsExactly(Estates.member(4),
            Estates.member(2), Estates.member(3), Estates.member(1), ADMIN);
    }

    @Test
    void totals_addUpEveryAccount() {
        FleetReport report = report(account(ADMIN, AccountReport.Outcome.COMPLETED, 4),
            account(Estates.member(1), AccountReport.Outcome.COMPLETED, 2));

        assertThat(report.instancesByVerdict()).containsEntry(OnboardingVerdict.ELIGIBLE, 6)
            .containsEntry(OnboardingVerdict.NO_SSM_AGENT, 2).containsEntry(OnboardingVerdict.UNSUPPORTED_OS, 0);
        assertThat(report.findingsBySeverity()).containsEntry(SeverityLabel.HIGH, 5L)
            .containsEntry(SeverityLabel.CRITICAL, 7L).containsEntry(SeverityLabel.LOW, 0L);
        assertThat(report.findingsBySeverity(Estates.member(1))).containsEntry(SeverityLabel.HIGH, 3L);
    }

    @Test
    void toText_rowPerAccountThenProblemsAndLeftOutMembers() {
        FleetReport report = report(account(ADMIN, AccountReport.Outcome.COMPLETED, 4),
            account(Estates.member(2), AccountReport.Outcome.FAILED, 1));

        String text = report.toText();

        assertThat(text).contains("Fleet of Security Hub administrator " + ADMIN + ": 2 accounts, 1 completed,"
            + " 0 not ready, 1 failed; 1 members left out")
            .contains("At most 4 calls in flight (peak 3)")
            .contains("Findings, read once from the administrator: 12 (CRITICAL 7, HIGH 5, MEDIUM 0, LOW 0,"
                + " INFORMATIONAL 0)")
            .contains(Estates.member(2) + " failed at CONNECT: PUT connector failed")
            .contains("Members left out (relationship not enabled): " + Estates.member(9) + " (Removed)")
            .contains("Findings of 999999999999, outside the fleet: CRITICAL 7");
        assertThat(text.indexOf(Estates.member(2))).isLessThan(text.indexOf("\n" + ADMIN));
        assertThat(text).contains("CREATED/VALID");
    }

    @Test
    void toJson_totalsAccountsAndFindings() throws Exception {
        FleetReport report = report(account(ADMIN, AccountReport.Outcome.COMPLETED, 4),
            account(Estates.member(2), AccountReport.Outcome.FAILED, 1));

        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertThat(json.path("administratorAccountId").asText()).isEqualTo(ADMIN);
        assertThat(json.path("totals").path("FAILED").asInt()).isEqualTo(1);
        assertThat(json.path("totals").path("instancesByVerdict").path("ELIGIBLE").asInt()).isEqualTo(3);
        assertThat(json.path("accounts").get(0).path("accountId").asText()).isEqualTo(Estates.member(2));
        assertThat(json.path("accounts").get(0).path("failedStep").asText()).isEqualTo("CONNECT");
        assertThat(json.path("accounts").get(1).path("findingsBySeverity").path("HIGH").asLong()).isEqualTo(2);
        assertThat(json.path("excludedMembers").get(0).path("status").asText()).isEqualTo("Removed");
        assertThat(json.path("findings").path("outsideFleet").path("999999999999").path("CRITICAL").asLong())
            .isEqualTo(7);
    }

    private static FleetReport report(AccountReport... accounts) {
        return FleetReport.builder().administratorAccountId(ADMIN).addAccounts(accounts)
            .addExcludedMembers(MemberAccount.of(Estates.member(9), "Removed"))
            .findingsRead(true)
            .findingsByAccount(Map.of(ADMIN, Map.of(SeverityLabel.HIGH, 2L),
                Estates.member(1), Map.of(SeverityLabel.HIGH, 3L),
                "999999999999", Map.of(SeverityLabel.CRITICAL, 7L)))
            .maxConcurrentCalls(4).peakConcurrentCalls(3).startedAt(Estates.T0).duration(Duration.ofSeconds(20))
            .build();
    }

    private static AccountReport account(String accountId, AccountReport.Outcome outcome, int seconds) {
        AccountReport.Builder report = AccountReport.builder().accountId(accountId).displayName("aws-" + accountId)
            .outcome(outcome).startedAt(Estates.T0).duration(Duration.ofSeconds(seconds))
            .readinessVerdict(ReadinessReport.Verdict.READY_WITH_WARNINGS);
        if (outcome == AccountReport.Outcome.FAILED) {
            return report.failedStep(AccountStep.CONNECT).failure("PUT connector failed: InternalServerError").build();
        }
        return report.connectorChange(ConnectResult.Change.CREATED)
            .authenticationState(ConnectorStatus.AuthenticationState.VALID).connectorHealthy(true)
            .instancesByVerdict(Map.of(OnboardingVerdict.ELIGIBLE, 3, OnboardingVerdict.NO_SSM_AGENT, 1))
            .build();
    }
}
