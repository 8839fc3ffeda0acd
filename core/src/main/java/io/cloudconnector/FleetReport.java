package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.accounts.FleetJson;
import io.cloudconnector.internal.accounts.FleetText;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of a fleet run: one {@link AccountReport} per account, failed accounts first and then the slowest
 * first; the members left out; the findings of every account, read once from the administrator account and counted
 * by severity; totals; and the limit on calls in flight with the peak reached.
 *
 * <p>Findings are attributed by their {@code AwsAccountId}: {@link #findingsByAccount()} also holds accounts the
 * administrator sees that are not in the fleet (members left out, for example). Each finding is counted once, in its
 * newest version. Render with {@link #toText()} for people and {@link #toJson()} for tools. Immutable and free of
 * secrets.
 */
@Value.Immutable
@ValueStyle
public abstract class FleetReport {

    /** The order of {@link #accounts()}: failed first, then the slowest first, then by account ID. */
    public static final Comparator<AccountReport> REPORT_ORDER = Comparator
        .comparing((AccountReport account) -> !account.failed())
        .thenComparing(AccountReport::duration, Comparator.reverseOrder())
        .thenComparing(AccountReport::accountId);

    /** A builder; the accounts are put in {@link #REPORT_ORDER} when built. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Security Hub administrator account. */
    public abstract String administratorAccountId();

    /** Every account of the run, in {@link #REPORT_ORDER}. */
    public abstract List<AccountReport> accounts();

    /** The members that got no spec, because their relationship with the administrator is not enabled. */
    public abstract List<MemberAccount> excludedMembers();

    /** Whether the findings were read (see {@link FleetOptions#readFindings()}). */
    public abstract boolean findingsRead();

    /**
     * The findings counted by account ID and severity; each inner map holds the severities that occur. Empty when the
     * findings were not read.
     */
    public abstract Map<String, Map<SeverityLabel, Long>> findingsByAccount();

    /** Why the findings could not be read at all (the administrator's regions could not be listed), if so. */
    public abstract Optional<String> findingsFailure();

    /** The regions whose findings could not be read, with the cause; the other regions' findings are counted. */
    public abstract Map<String, String> findingsFailedRegions();

    /** The limit on calls in flight the run kept ({@link FleetOptions#maxConcurrentCalls()}). */
    public abstract int maxConcurrentCalls();

    /** The most calls that were in flight at once during the run. */
    public abstract int peakConcurrentCalls();

    /** When the run started. */
    public abstract Instant startedAt();

    /** How long the run took, findings included. */
    public abstract Duration duration();

    /** The report of {@code accountId}, when it is in the fleet. */
    public Optional<AccountReport> account(String accountId) {
        return accounts().stream().filter(account -> account.accountId().equals(accountId)).findFirst();
    }

    /** The accounts whose run ended with {@code outcome}, in report order. */
    public List<AccountReport> accounts(AccountReport.Outcome outcome) {
        return accounts().stream().filter(account -> account.outcome() == outcome).toList();
    }

    /** The instances of all accounts by onboarding verdict; every verdict is a key. */
    public Map<OnboardingVerdict, Integer> instancesByVerdict() {
        Map<OnboardingVerdict, Integer> totals = new EnumMap<>(OnboardingVerdict.class);
        for (OnboardingVerdict verdict : OnboardingVerdict.values()) {
            totals.put(verdict, 0);
        }
        accounts().forEach(account -> account.instancesByVerdict().forEach((verdict, count) ->
            totals.merge(verdict, count, Integer::sum)));
        return totals;
    }

    /** The findings of {@code accountId} by severity; every severity is a key, with 0 when none has it. */
    public Map<SeverityLabel, Long> findingsBySeverity(String accountId) {
        return bySeverity(List.of(findingsByAccount().getOrDefault(accountId, Map.of())));
    }

    /** The findings of all accounts by severity, accounts outside the fleet included; every severity is a key. */
    public Map<SeverityLabel, Long> findingsBySeverity() {
        return bySeverity(List.copyOf(findingsByAccount().values()));
    }

    /** The accounts the findings name that are not in the fleet, in account ID order. */
    public List<String> accountsOutsideFleet() {
        return findingsByAccount().keySet().stream().filter(id -> account(id).isEmpty()).sorted().toList();
    }

    /**
     * The report as plain text for people: a headline with the totals, one row per account (outcome, readiness,
     * connector, instances, onboarding, findings by severity, duration), then the failures, the members left out and
     * the findings of accounts outside the fleet.
     */
    public String toText() {
        return FleetText.render(this);
    }

    /**
     * The report as a JSON object for tools: {@code administratorAccountId}, {@code startedAt}, {@code duration},
     * {@code maxConcurrentCalls}, {@code peakConcurrentCalls}, {@code totals} ({@code accounts}, one count per
     * outcome, {@code instancesByVerdict}, {@code findingsBySeverity}), {@code accounts[]} (each as
     * {@link AccountReport#toJson()} plus {@code findingsBySeverity}), {@code excludedMembers[]} ({@code accountId},
     * {@code status}) and {@code findings} ({@code read}, {@code failure}, {@code failedRegions},
     * {@code outsideFleet}).
     */
    public String toJson() {
        return FleetJson.render(this);
    }

    /** The accounts in {@link #REPORT_ORDER}. */
    @Value.Check
    protected FleetReport ordered() {
        List<AccountReport> ordered = accounts().stream().sorted(REPORT_ORDER).toList();
        return ordered.equals(accounts()) ? this : builder().from(this).accounts(ordered).build();
    }

    private static Map<SeverityLabel, Long> bySeverity(List<Map<SeverityLabel, Long>> counts) {
        Map<SeverityLabel, Long> totals = new EnumMap<>(SeverityLabel.class);
        for (SeverityLabel label : SeverityLabel.values()) {
            totals.put(label, 0L);
        }
        counts.forEach(count -> count.forEach((label, n) -> totals.merge(label, n, Long::sum)));
        return totals;
    }

    /** Builds a {@link FleetReport}. */
    public static class Builder extends ImmutableFleetReport.Builder {
    }
}
