package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Duration;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * How {@link ConnectorClient#onboard(ConnectorSpec, DiscoveryResult, OnboardingOptions)} runs the Azure Arc install
 * command: SSM's concurrency and error limits, how often and how long the SDK waits for results, how long the script
 * may run on an instance, and which Azure cloud the agent connects to.
 *
 * @throws IllegalArgumentException from {@code build()} naming the option, the rule and the bad value
 */
@Value.Immutable
@ValueStyle
public abstract class OnboardingOptions {

    /** SSM's {@code MaxConcurrency} by default: 50 instances at once, a whole batch. */
    public static final String DEFAULT_MAX_CONCURRENCY = "50";

    /**
     * SSM's {@code MaxErrors} by default: {@code 100%}, so one failing instance never stops the rest of its batch (a
     * failed instance is tried again on the next run).
     */
    public static final String DEFAULT_MAX_ERRORS = "100%";

    /** How long the SDK waits between two reads of the command results by default: 5 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    /** How long the SDK waits for all results of a region by default: 30 minutes. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);

    /** How long the script may run on one instance by default: 15 minutes (SSM's {@code executionTimeout}). */
    public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofMinutes(15);

    /** The Azure cloud by default: {@code AzureCloud}, the public cloud. */
    public static final String DEFAULT_AZURE_CLOUD = "AzureCloud";

    /** SSM's longest {@code executionTimeout}: 48 hours. */
    public static final Duration MAX_EXECUTION_TIMEOUT = Duration.ofHours(48);

    private static final Pattern MAX_CONCURRENCY = Pattern.compile("^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$");
    private static final Pattern MAX_ERRORS = Pattern.compile("^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$");

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every option at its default. */
    public static OnboardingOptions defaults() {
        return builder().build();
    }

    /** SSM's {@code MaxConcurrency}: a count such as {@code 10} or a percentage such as {@code 25%}. */
    @Value.Default
    public String maxConcurrency() {
        return DEFAULT_MAX_CONCURRENCY;
    }

    /** SSM's {@code MaxErrors}: a count such as {@code 0} or a percentage such as {@code 10%}. */
    @Value.Default
    public String maxErrors() {
        return DEFAULT_MAX_ERRORS;
    }

    /** How long the SDK waits between two reads of the command results; positive. */
    @Value.Default
    public Duration pollInterval() {
        return DEFAULT_POLL_INTERVAL;
    }

    /**
     * How long the SDK waits, from the last command sent in a region, for every result of the region. Instances still
     * pending then are reported {@link OnboardingStatus#DEADLINE_EXCEEDED} (the script may still finish). Positive.
     */
    @Value.Default
    public Duration deadline() {
        return DEFAULT_DEADLINE;
    }

    /** How long the script may run on one instance before SSM stops it; 1 second to 48 hours, whole seconds. */
    @Value.Default
    public Duration executionTimeout() {
        return DEFAULT_EXECUTION_TIMEOUT;
    }

    /**
     * The Azure cloud the agent connects to ({@code azcmagent connect --cloud}): {@code AzureCloud},
     * {@code AzureUSGovernment} or {@code AzureChinaCloud}.
     */
    @Value.Default
    public String azureCloud() {
        return DEFAULT_AZURE_CLOUD;
    }

    @Value.Check
    protected void check() {
        require(MAX_CONCURRENCY.matcher(maxConcurrency()).matches(), "maxConcurrency",
            "must be a count from 1 or a percentage from 1% to 100%", maxConcurrency());
        require(MAX_ERRORS.matcher(maxErrors()).matches(), "maxErrors",
            "must be a count from 0 or a percentage from 0% to 100%", maxErrors());
        require(isPositive(pollInterval()), "pollInterval", "must be positive", pollInterval());
        require(isPositive(deadline()), "deadline", "must be positive", deadline());
        require(executionTimeout().toSeconds() >= 1 && executionTimeout().compareTo(MAX_EXECUTION_TIMEOUT) <= 0,
            "executionTimeout", "must be from 1 second to 48 hours", executionTimeout());
        require(!azureCloud().isBlank(), "azureCloud", "must not be blank", azureCloud());
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean rule, String option, String text, Object value) {
        if (!rule) {
            throw new IllegalArgumentException("OnboardingOptions." + option + " " + text + " (was '" + value + "')");
        }
    }

    /** Builds {@link OnboardingOptions}; {@code build()} checks every option. */
    public static class Builder extends ImmutableOnboardingOptions.Builder {
    }
}
