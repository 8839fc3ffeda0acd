package io.cloudconnector.aws.internal;

import java.time.Duration;

/**
 * How the SDK paces and retries Security Hub calls, per account and region.
 *
 * <p>Security Hub allows {@code GetFindings} 3 requests per second with a burst of 6, and most other operations 10
 * per second with a burst of 30. resilience4j's rate limiter has no burst: it hands out a fixed number of permits per
 * refresh period. With 3 permits per 1-second period, at most 3 calls start in any period and at most 6 in any
 * span of one second (3 at the end of a period, 3 at the start of the next): the sustained rate is the quota and
 * the worst burst is the allowed one. The same reasoning gives 10 per second for the other operations (a burst of
 * at most 20, under the allowed 30).
 *
 * <p>A throttled call ({@code LimitExceededException}, {@code TooManyRequestsException}, HTTP 429), a server error
 * (HTTP 5xx) or a broken connection is retried with exponential backoff and full jitter: the n-th wait is uniformly
 * random between 0 and twice {@code initialBackoff x 2^(n-1)}, capped at {@code maxBackoff}. The AWS SDK's own retries
 * are switched off for these calls, so attempts do not multiply.
 *
 * @param getFindingsPerPeriod permits for {@code GetFindings} per period
 * @param otherCallsPerPeriod permits for every other Security Hub call per period
 * @param period the rate limiters' refresh period
 * @param permitTimeout how long a call waits for a permit before it fails as throttled
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the base of the first wait
 * @param maxBackoff the cap of any wait
 */
public record SecurityHubPolicy(int getFindingsPerPeriod, int otherCallsPerPeriod, Duration period,
    Duration permitTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Security Hub's published {@code GetFindings} rate, per second. */
    public static final int GET_FINDINGS_PER_SECOND = 3;
    /** Security Hub's published rate of its other operations, per second. */
    public static final int OTHER_CALLS_PER_SECOND = 10;
    /** How long a call waits for a permit by default. */
    public static final Duration DEFAULT_PERMIT_TIMEOUT = Duration.ofSeconds(30);
    /** Attempts per call by default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** The base of the first wait by default. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** The cap of any wait by default. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

    /** Security Hub's published quotas, 6 attempts, waits from about 0.5 s up to 20 s. */
    public static SecurityHubPolicy defaults() {
        return withGetFindingsPerSecond(GET_FINDINGS_PER_SECOND);
    }

    /** As {@link #defaults()}, with {@code GetFindings} paced at {@code perSecond} instead of the published 3. */
    public static SecurityHubPolicy withGetFindingsPerSecond(int perSecond) {
        return new SecurityHubPolicy(perSecond, OTHER_CALLS_PER_SECOND, Duration.ofSeconds(1),
            DEFAULT_PERMIT_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }
}
