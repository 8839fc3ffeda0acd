package io.cloudconnector;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudconnector.internal.ValueStyle;
import io.cloudconnector.internal.accounts.ReportJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link AccountRun} did for one account: how it ended (and, when it failed, at which step and why), the
 * readiness verdict, the connector afterwards, the instances by onboarding verdict, the onboarding counts, and how
 * long it took. A value that belongs to a step that did not run is empty (or zero).
 *
 * <p>Plain data, free of secrets: {@link #toJson()} writes it and {@link #fromJson(String)} reads it back equal, so a
 * host can run accounts on other machines and collect their reports ({@link AccountFleet#report(List, FleetOptions)}).
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableAccountReport.class)
@JsonDeserialize(as = ImmutableAccountReport.class)
public abstract class AccountReport {

    /** How an account's run ended. */
    public enum Outcome {
        /** Every step that was asked for ran. */
        COMPLETED,
        /** The readiness verdict was {@link ReadinessReport.Verdict#NOT_READY}, so the later steps did not run. */
        NOT_READY,
        /** A step threw, or the account's credentials did not work; {@link #failure()} says why. */
        FAILED
    }

    /** A builder, for hosts that fake reports in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a report that {@link #toJson()} wrote. Fields this version does not know are ignored, so reports of a
     * newer worker can be read.
     *
     * @throws IllegalArgumentException when {@code json} is not an account report (the message says where)
     */
    public static AccountReport fromJson(String json) {
        return ReportJson.readAccount(json);
    }

    /** The AWS account ID. */
    public abstract String accountId();

    /** The display name of the account's connector. */
    public abstract String displayName();

    /** How the run ended. */
    public abstract Outcome outcome();

    /** The step that failed; present exactly when the outcome is {@link Outcome#FAILED}. */
    public abstract Optional<AccountStep> failedStep();

    /** Why the run failed, in words that name the operation and its cause (never a secret). */
    public abstract Optional<String> failure();

    /** The readiness verdict; empty when the readiness check did not run. */
    public abstract Optional<ReadinessReport.Verdict> readinessVerdict();

    /** The IDs of the readiness checks that failed or could not be run, each once, in report order. */
    public abstract List<String> failedChecks();

    /** What the connect step did to the connector resource; empty when it did not run. */
    public abstract Optional<ConnectResult.Change> connectorChange();

    /** The connector's AWS authentication state after the connect step, when Azure reports one. */
    public abstract Optional<ConnectorStatus.AuthenticationState> authenticationState();

    /** Whether the connector was healthy after the connect step ({@link ConnectorStatus#healthy()}). */
    public abstract Optional<Boolean> connectorHealthy();

    /** How many instances had each onboarding verdict at discovery; empty when discovery did not run. */
    public abstract Map<OnboardingVerdict, Integer> instancesByVerdict();

    /** The regions whose discovery or onboarding failed, each with its cause, as {@code region: cause}. */
    public abstract List<String> failedRegions();

    /** How many instances the onboarding step connected to Azure Arc. */
    @Value.Default
    public int onboarded() {
        return 0;
    }

    /** How many eligible instances the onboarding step did not connect (they are tried again on the next run). */
    @Value.Default
    public int onboardingFailed() {
        return 0;
    }

    /** When the run started. */
    public abstract Instant startedAt();

    /** How long the run took. */
    public abstract Duration duration();

    /** Whether the run failed. */
    public boolean failed() {
        return outcome() == Outcome.FAILED;
    }

    /** How many instances discovery found, whatever their verdict. */
    public int instanceCount() {
        return instancesByVerdict().values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The report as a JSON object: one property per value above, named as its accessor; enumerations by name,
     * {@code startedAt} as ISO-8601 and {@code duration} as an ISO-8601 duration ({@code PT2.5S}); empty values left
     * out.
     */
    public String toJson() {
        return ReportJson.write(this);
    }

    @Value.Check
    protected void check() {
        if ((outcome() == Outcome.FAILED) != failedStep().isPresent()) {
            throw new IllegalStateException("An account report names the failed step exactly when its outcome is"
                + " FAILED: account " + accountId() + " is " + outcome() + " with failedStep " + failedStep());
        }
    }

    /** Builds an {@link AccountReport}. */
    public static class Builder extends ImmutableAccountReport.Builder {
    }
}
