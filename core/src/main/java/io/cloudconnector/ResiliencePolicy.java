package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.immutables.value.Value;

/**
 * How the AWS and Azure sides ride through a cloud that throttles, fails, resets connections or answers slowly: the
 * one place where retries, timeouts, the circuit breaker, rate limits and paging limits are set. Hand it to
 * {@code AwsAdapter.builder().resilience(policy)} and {@code AzureAdapter.builder().resilience(policy)}; the adapters
 * switch the retries of the AWS and Azure SDKs off so that this policy alone decides, and attempts never multiply.
 *
 * <p><b>Retries.</b> A call is retried when the cloud throttles it ({@code ThrottlingException}, {@code Throttling},
 * {@code RequestLimitExceeded}, {@code TooManyRequestsException}, {@code LimitExceededException}, HTTP 429), fails
 * on its side (HTTP 500, 502, 503, 504), or the connection breaks or times out; never when the request is refused as
 * invalid or not allowed. Before retry {@code n} (1 for the first retry) the call waits a random time between zero
 * and {@link #backoffCeiling(int)} (exponential backoff with full jitter), or as long as Azure Resource Manager's
 * {@code Retry-After} asks. A call makes at most {@link #maxAttempts()} attempts and starts no attempt once its
 * {@link #callBudget()} is spent, nor waits past it: when a wait would end beyond the budget (a long
 * {@code Retry-After} included), the call fails at once with the last error. The last attempt may run up to
 * {@link #callTimeout()} beyond the budget. A call that changes state and cannot be safely sent twice (SSM
 * {@code SendCommand}) is retried only when the cloud said it did not process it (throttling, HTTP 503, a refused
 * connection).
 *
 * <p><b>Timeouts.</b> Each attempt must be answered within {@link #attemptTimeout()}; one SDK call as a whole (an
 * attempt with signing, credentials and reading the answer) within {@link #callTimeout()}.
 *
 * <p><b>Circuit breaker</b> (AWS, per account, service and region). After {@link #failureThreshold()} calls in a row
 * failed for a transient reason (after their retries), the remaining calls of that service in that region fail at
 * once, for {@link #openDuration()}, with a {@link CloudServiceException} that names the operation, the region and
 * the last cause; the reports mark the region as failed. Then one call is let through to probe.
 *
 * <p><b>Rate limits</b>, at the published quotas: Security Hub {@code GetFindings} {@value #GET_FINDINGS_PER_SECOND}
 * per second and its other operations {@value #SECURITY_HUB_PER_SECOND} per second, per account and region; Azure
 * Resource Manager reads {@value #ARM_READS_PER_SECOND} and writes {@value #ARM_WRITES_PER_SECOND} per second, per
 * subscription. A limit of {@code n} per second hands out {@code n} permits per second and lets at most {@code 2n}
 * calls start in any one-second span, so Security Hub's {@code GetFindings} burst of
 * {@value #GET_FINDINGS_BURST} is never exceeded. A call waits for its permit when it comes within the call's budget,
 * and fails at once as a {@link ThrottledException}, unsent, when it would come later.
 *
 * <p><b>Paging.</b> A listing may not return a page token it returned before (it would never end) and may not run
 * past {@link #maxPages()} pages: either stops the listing with a {@link CloudServiceException}, and none of its items
 * are returned.
 *
 * <p>Immutable; {@link Builder#build()} checks the values.
 */
@Value.Immutable
@ValueStyle
public abstract class ResiliencePolicy {

    /** Attempts per call by default, the first included: 5. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** How long one call may take across its attempts and waits by default: 2 minutes. */
    public static final Duration DEFAULT_CALL_BUDGET = Duration.ofMinutes(2);
    /** How long one attempt may wait for its answer by default: 30 seconds. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** How long one SDK call may take as a whole by default: 60 seconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** The ceiling of the wait before the first retry by default: 500 milliseconds; it doubles per retry. */
    public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(500);
    /** The highest ceiling of any wait by default: 20 seconds. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    /** Failed calls in a row that open a circuit by default: 5. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    /** How long an open circuit fails calls at once by default: 1 minute. */
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofMinutes(1);
    /** The most pages one listing may take by default: 10,000. */
    public static final int DEFAULT_MAX_PAGES = 10_000;
    /** Security Hub's published rate of {@code GetFindings}, per second, per account and region. */
    public static final int GET_FINDINGS_PER_SECOND = 3;
    /** Security Hub's published burst of {@code GetFindings}. */
    public static final int GET_FINDINGS_BURST = 6;
    /** Security Hub's published rate of its other operations, per second, per account and region. */
    public static final int SECURITY_HUB_PER_SECOND = 10;
    /** Azure Resource Manager's refill rate of subscription reads, per second. */
    public static final int ARM_READS_PER_SECOND = 25;
    /** Azure Resource Manager's refill rate of subscription writes and deletes, per second. */
    public static final int ARM_WRITES_PER_SECOND = 10;

    /** The defaults of every setting, as the constants of this class say. */
    public static ResiliencePolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts per call, the first included; {@value #DEFAULT_MAX_ATTEMPTS} by default. At least 1. */
    @Value.Default
    public int maxAttempts() {
        return DEFAULT_MAX_ATTEMPTS;
    }

    /** How long one call may take across its attempts and waits; 2 minutes by default. */
    @Value.Default
    public Duration callBudget() {
        return DEFAULT_CALL_BUDGET;
    }

    /** How long one attempt may wait for its answer; 30 seconds by default. At most {@link #callTimeout()}. */
    @Value.Default
    public Duration attemptTimeout() {
        return DEFAULT_ATTEMPT_TIMEOUT;
    }

    /** How long one SDK call may take as a whole; 60 seconds by default. At most {@link #callBudget()}. */
    @Value.Default
    public Duration callTimeout() {
        return DEFAULT_CALL_TIMEOUT;
    }

    /** The ceiling of the wait before the first retry; 500 milliseconds by default. */
    @Value.Default
    public Duration baseBackoff() {
        return DEFAULT_BASE_BACKOFF;
    }

    /** The highest ceiling of any wait (a {@code Retry-After} aside); 20 seconds by default. */
    @Value.Default
    public Duration maxBackoff() {
        return DEFAULT_MAX_BACKOFF;
    }

    /** Calls in a row failed for a transient reason that open a circuit; {@value #DEFAULT_FAILURE_THRESHOLD}. */
    @Value.Default
    public int failureThreshold() {
        return DEFAULT_FAILURE_THRESHOLD;
    }

    /** How long an open circuit fails calls at once before it lets one through; 1 minute by default. */
    @Value.Default
    public Duration openDuration() {
        return DEFAULT_OPEN_DURATION;
    }

    /** The most pages one listing may take; {@value #DEFAULT_MAX_PAGES} by default. */
    @Value.Default
    public int maxPages() {
        return DEFAULT_MAX_PAGES;
    }

    /** Security Hub {@code GetFindings} calls per second, per account and region; {@value #GET_FINDINGS_PER_SECOND}. */
    @Value.Default
    public int securityHubGetFindingsPerSecond() {
        return GET_FINDINGS_PER_SECOND;
    }

    /** Other Security Hub calls per second, per account and region; {@value #SECURITY_HUB_PER_SECOND} by default. */
    @Value.Default
    public int securityHubPerSecond() {
        return SECURITY_HUB_PER_SECOND;
    }

    /** Azure Resource Manager reads (GET) per second, per subscription; {@value #ARM_READS_PER_SECOND} by default. */
    @Value.Default
    public int armReadsPerSecond() {
        return ARM_READS_PER_SECOND;
    }

    /**
     * Azure Resource Manager writes (PUT, POST, DELETE) per second, per subscription; {@value #ARM_WRITES_PER_SECOND}
     * by default.
     */
    @Value.Default
    public int armWritesPerSecond() {
        return ARM_WRITES_PER_SECOND;
    }

    /**
     * The longest wait before retry {@code retry} (1 for the first): {@link #baseBackoff()} doubled for each retry
     * after the first, capped at {@link #maxBackoff()}. The wait itself is drawn uniformly between zero and this.
     *
     * @throws IllegalArgumentException when {@code retry} is less than 1
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        long max = maxBackoff().toMillis();
        long ceiling = Math.min(baseBackoff().toMillis(), max);
        for (int retried = 1; retried < retry && ceiling > 0 && ceiling < max; retried++) {
            ceiling = ceiling > max / 2 ? max : ceiling * 2;
        }
        return Duration.ofMillis(ceiling);
    }

    /**
     * Whether a call that made {@code attempts} attempts and has run for {@code elapsed} tries again, and after what
     * wait: the wait the cloud asked for ({@code asked}, such as Azure Resource Manager's {@code Retry-After}), or a
     * random one between zero and {@link #backoffCeiling(int)}. Empty when the attempts are spent, or when the wait
     * would end past the {@link #callBudget()}.
     *
     * @throws IllegalArgumentException when {@code attempts} is less than 1
     */
    public Optional<Duration> retryWait(int attempts, Duration elapsed, Optional<Duration> asked) {
        if (attempts >= maxAttempts()) {
            return Optional.empty();
        }
        Duration ceiling = backoffCeiling(attempts);
        Duration wait = asked.orElseGet(() -> Duration.ofMillis(ThreadLocalRandom.current()
            .nextLong(ceiling.toMillis() + 1)));
        return elapsed.plus(wait).compareTo(callBudget()) < 0 ? Optional.of(wait) : Optional.empty();
    }

    /** Rejects values that cannot work. */
    @Value.Check
    protected void check() {
        atLeastOne(maxAttempts(), "maxAttempts");
        atLeastOne(failureThreshold(), "failureThreshold");
        atLeastOne(maxPages(), "maxPages");
        atLeastOne(securityHubGetFindingsPerSecond(), "securityHubGetFindingsPerSecond");
        atLeastOne(securityHubPerSecond(), "securityHubPerSecond");
        atLeastOne(armReadsPerSecond(), "armReadsPerSecond");
        atLeastOne(armWritesPerSecond(), "armWritesPerSecond");
        positive(callBudget(), "callBudget");
        positive(attemptTimeout(), "attemptTimeout");
        positive(callTimeout(), "callTimeout");
        positive(openDuration(), "openDuration");
        notNegative(baseBackoff(), "baseBackoff");
        notNegative(maxBackoff(), "maxBackoff");
        notLonger(attemptTimeout(), "attemptTimeout", callTimeout(), "callTimeout");
        notLonger(callTimeout(), "callTimeout", callBudget(), "callBudget");
        notLonger(baseBackoff(), "baseBackoff", maxBackoff(), "maxBackoff");
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(Duration value, String name) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void notLonger(Duration value, String name, Duration limit, String limitName) {
        if (value.compareTo(limit) > 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be longer than " + limitName + " ("
                + limit + ")");
        }
    }

    /**
     * Builds a {@link ResiliencePolicy}; unset values keep their defaults. {@code build()} throws
     * {@link IllegalArgumentException} naming the setting when a count is below 1, a duration is negative (or zero
     * where it must be positive), or a timeout is longer than what contains it.
     */
    public static class Builder extends ImmutableResiliencePolicy.Builder {
    }
}
