package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How {@link AccountFleet#run(FleetOptions)} and {@link AccountRun#run(ConnectorClient, ConnectorSpec, FleetOptions)}
 * work: the one limit on calls in flight, which steps run for each account, whether an account that is not ready
 * goes on, the options of each step, and whether and which findings are read.
 *
 * @throws IllegalArgumentException from {@code build()} when {@link #maxConcurrentCalls()} is less than 1
 */
@Value.Immutable
@ValueStyle
public abstract class FleetOptions {

    /** The most calls to AWS and Azure in flight at once, across all accounts and regions, by default: 16. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 16;

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every option at its default. */
    public static FleetOptions defaults() {
        return builder().build();
    }

    /**
     * The one limit of a fleet run: the most calls to AWS and Azure in flight at once, all accounts, regions and
     * steps together (100 accounts of 17 regions still make at most this many calls at a time). Also the number of
     * accounts worked on at once. Security Hub's per-account, per-region quotas are kept by the AWS side besides.
     * {@value #DEFAULT_MAX_CONCURRENT_CALLS} by default; at least 1.
     */
    @Value.Default
    public int maxConcurrentCalls() {
        return DEFAULT_MAX_CONCURRENT_CALLS;
    }

    /** The steps left out for each account; none by default. The others run in the order of {@link AccountStep}. */
    public abstract Set<AccountStep> skippedSteps();

    /** Whether {@code step} runs for each account. */
    public boolean runs(AccountStep step) {
        return !skippedSteps().contains(step);
    }

    /**
     * Whether an account whose readiness verdict is {@link ReadinessReport.Verdict#NOT_READY} goes on to the next
     * steps. Off by default: it stops after the readiness check, as {@link AccountReport.Outcome#NOT_READY}. An
     * account whose credentials do not work stops as {@link AccountReport.Outcome#FAILED} either way.
     */
    @Value.Default
    public boolean continueWhenNotReady() {
        return false;
    }

    /** The options of the connect step; {@link ConnectOptions#defaults()} by default. */
    @Value.Default
    public ConnectOptions connectOptions() {
        return ConnectOptions.defaults();
    }

    /** The operating systems that may be onboarded; {@link SupportedOsTable#defaults()} by default. */
    @Value.Default
    public SupportedOsTable supportedOs() {
        return SupportedOsTable.defaults();
    }

    /** The options of the onboarding step; {@link OnboardingOptions#defaults()} by default. */
    @Value.Default
    public OnboardingOptions onboardingOptions() {
        return OnboardingOptions.defaults();
    }

    /**
     * Whether a fleet run reads the findings of every account, once, from the administrator account. On by default;
     * {@link AccountRun} never reads findings.
     */
    @Value.Default
    public boolean readFindings() {
        return true;
    }

    /** The findings a fleet run reads; {@link FindingQuery#activeFindings()} by default. */
    @Value.Default
    public FindingQuery findingQuery() {
        return FindingQuery.activeFindings();
    }

    @Value.Check
    protected void check() {
        if (maxConcurrentCalls() < 1) {
            throw new IllegalArgumentException("FleetOptions.maxConcurrentCalls must be at least 1 (was '"
                + maxConcurrentCalls() + "')");
        }
    }

    /** Builds {@link FleetOptions}; {@code build()} checks them. */
    public static class Builder extends ImmutableFleetOptions.Builder {
    }
}
