package io.cloudconnector.internal.accounts;

import io.cloudconnector.AccountReport;
import io.cloudconnector.FleetReport;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SeverityLabel;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link FleetReport} as plain text for people; see {@link FleetReport#toText()}. */
public final class FleetText {

    private static final String ROW = "%-14s %-10s %-20s %-24s %9s %8s %9s %-20s %s%n";
    private static final String NONE = "-";

    private FleetText() {
    }

    /** The report as text. */
    public static String render(FleetReport report) {
        StringBuilder text = new StringBuilder();
        headline(text, report);
        text.append(String.format(Locale.ROOT, ROW, "ACCOUNT", "OUTCOME", "READINESS", "CONNECTOR", "INSTANCES",
            "ELIGIBLE", "ONBOARDED", "FINDINGS C/H/M/L/I", "DURATION"));
        report.accounts().forEach(account -> row(text, report, account));
        failures(text, report);
        if (!report.excludedMembers().isEmpty()) {
            text.append("Members left out (relationship not enabled): ").append(report.excludedMembers().stream()
                .map(member -> member.accountId() + " (" + member.status() + ")").collect(Collectors.joining(", ")))
                .append('\n');
        }
        report.accountsOutsideFleet().forEach(account -> text.append("Findings of ").append(account)
            .append(", outside the fleet: ").append(severities(report.findingsBySeverity(account))).append('\n'));
        return text.toString();
    }

    private static void headline(StringBuilder text, FleetReport report) {
        text.append("Fleet of Security Hub administrator ").append(report.administratorAccountId()).append(": ")
            .append(report.accounts().size()).append(" accounts, ")
            .append(report.accounts(AccountReport.Outcome.COMPLETED).size()).append(" completed, ")
            .append(report.accounts(AccountReport.Outcome.NOT_READY).size()).append(" not ready, ")
            .append(report.accounts(AccountReport.Outcome.FAILED).size()).append(" failed; ")
            .append(report.excludedMembers().size()).append(" members left out\n");
        text.append("At most ").append(report.maxConcurrentCalls()).append(" calls in flight (peak ")
            .append(report.peakConcurrentCalls()).append("); took ")
            .append(report.duration().truncatedTo(ChronoUnit.MILLIS)).append('\n');
        if (!report.findingsRead()) {
            text.append("Findings: not read\n\n");
            return;
        }
        Map<SeverityLabel, Long> total = report.findingsBySeverity();
        text.append("Findings, read once from the administrator: ")
            .append(total.values().stream().mapToLong(Long::longValue).sum()).append(" (")
            .append(severities(total)).append(")\n");
        report.findingsFailure().ifPresent(failure -> text.append("  not read: ").append(failure).append('\n'));
        report.findingsFailedRegions().forEach((region, cause) -> text.append("  ").append(region)
            .append(" not read: ").append(cause).append('\n'));
        text.append('\n');
    }

    private static void row(StringBuilder text, FleetReport report, AccountReport account) {
        boolean discovered = !account.instancesByVerdict().isEmpty();
        Map<SeverityLabel, Long> findings = report.findingsBySeverity(account.accountId());
        text.append(String.format(Locale.ROOT, ROW, account.accountId(), account.outcome(),
            account.readinessVerdict().map(Enum::name).orElse(NONE), connector(account),
            discovered ? String.valueOf(account.instanceCount()) : NONE,
            discovered ? String.valueOf(account.instancesByVerdict().getOrDefault(OnboardingVerdict.ELIGIBLE, 0))
                : NONE,
            account.onboarded() + account.onboardingFailed() == 0 ? NONE
                : account.onboarded() + "/" + (account.onboarded() + account.onboardingFailed()),
            report.findingsRead() ? compact(findings) : NONE, account.duration().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String connector(AccountReport account) {
        if (account.connectorChange().isEmpty()) {
            return NONE;
        }
        return account.connectorChange().get() + account.authenticationState().map(state -> "/" + state).orElse("");
    }

    private static void failures(StringBuilder text, FleetReport report) {
        List<String> lines = new ArrayList<>();
        report.accounts(AccountReport.Outcome.FAILED).forEach(account -> lines.add("  " + account.accountId()
            + " failed at " + account.failedStep().map(Enum::name).orElse(NONE) + ": "
            + account.failure().orElse("")));
        report.accounts(AccountReport.Outcome.NOT_READY).forEach(account -> lines.add("  " + account.accountId()
            + " is not ready: " + String.join(", ", account.failedChecks())));
        report.accounts().forEach(account -> account.failedRegions().forEach(region -> lines.add("  "
            + account.accountId() + " " + region)));
        if (!lines.isEmpty()) {
            text.append('\n').append("Problems:\n");
            lines.forEach(line -> text.append(line).append('\n'));
        }
    }

    /** {@code CRITICAL 1, HIGH 2, ...}, most severe first. */
    private static String severities(Map<SeverityLabel, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (int i = SeverityLabel.values().length - 1; i >= 0; i--) {
            SeverityLabel label = SeverityLabel.values()[i];
            parts.add(label + " " + counts.getOrDefault(label, 0L));
        }
        return String.join(", ", parts);
    }

    /** {@code 1/2/0/4/9}: critical, high, medium, low, informational. */
    private static String compact(Map<SeverityLabel, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (int i = SeverityLabel.values().length - 1; i >= 0; i--) {
            parts.add(String.valueOf(counts.getOrDefault(SeverityLabel.values()[i], 0L)));
        }
        return String.join("/", parts);
    }
}
