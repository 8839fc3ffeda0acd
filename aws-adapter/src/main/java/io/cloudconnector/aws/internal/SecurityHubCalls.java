package io.cloudconnector.aws.internal;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ThrottledException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubServiceClientConfiguration;

/**
 * Runs Security Hub calls under {@link SecurityHubPolicy}: a rate limiter per account, region and kind of call
 * ({@code GetFindings} or other), a retry with backoff and full jitter that sends the very same request again (so a
 * page token is resent as it was: no page lost, none delivered twice), and translation of the final failure into
 * the {@link ConnectorException} hierarchy. Thread-safe.
 */
final class SecurityHubCalls {

    /** Switches the AWS SDK's retries off for one request: the retry here decides. */
    static final SdkPlugin SINGLE_ATTEMPT = config -> {
        SecurityHubServiceClientConfiguration.Builder securityHub =
            (SecurityHubServiceClientConfiguration.Builder) config;
        securityHub.overrideConfiguration(securityHub.overrideConfiguration().toBuilder()
            .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    };

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHubCalls.class);
    private static final Set<String> THROTTLING_CODES = Set.of("LimitExceededException", "TooManyRequestsException",
        "ThrottlingException", "Throttling");
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;
    private static final double FULL_JITTER = 1.0;
    private static final double DOUBLING = 2.0;

    private final SecurityHubPolicy policy;
    private final Retry retry;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    SecurityHubCalls(SecurityHubPolicy policy) {
        this.policy = policy;
        this.retry = Retry.of("securityhub", RetryConfig.custom()
            .maxAttempts(policy.maxAttempts())
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.initialBackoff(), DOUBLING,
                FULL_JITTER, policy.maxBackoff()))
            .retryOnException(SecurityHubCalls::isTransient)
            .build());
        retry.getEventPublisher().onRetry(event -> LOG.debug("Security Hub call failed ({}), attempt {} of {} in {}",
            event.getLastThrowable().getMessage(), event.getNumberOfRetryAttempts() + 1, policy.maxAttempts(),
            event.getWaitInterval()));
    }

    /**
     * Runs {@code call} for {@code account} in {@code region}: waits for a permit, retries transient failures.
     *
     * @param operation the IAM action, such as {@code securityhub:GetFindings}; {@code GetFindings} gets its own,
     *     lower limit
     * @throws ConnectorException when the call fails for good, or no permit came within the policy's timeout
     */
    <T> T call(String operation, String account, String region, Supplier<T> call) {
        RateLimiter limiter = limiter(operation, account, region);
        try {
            return Retry.decorateSupplier(retry, () -> {
                RateLimiter.waitForPermission(limiter);
                return call.get();
            }).get();
        } catch (SdkException e) {
            throw AwsCalls.translate(e, operation, region);
        } catch (RequestNotPermitted e) {
            throw new ThrottledException(operation + " in " + region + " waited " + policy.permitTimeout()
                + " for a permit of the SDK's rate limiter (" + limiter.getRateLimiterConfig().getLimitForPeriod()
                + " per " + policy.period() + ") and gave up", "aws", operation, region, 0, null, null, e);
        }
    }

    private RateLimiter limiter(String operation, String account, String region) {
        boolean getFindings = operation.endsWith(":GetFindings");
        String key = account + "|" + region + "|" + (getFindings ? "GetFindings" : "other");
        return limiters.computeIfAbsent(key, name -> RateLimiter.of("securityhub|" + name, RateLimiterConfig.custom()
            .limitForPeriod(getFindings ? policy.getFindingsPerPeriod() : policy.otherCallsPerPeriod())
            .limitRefreshPeriod(policy.period())
            .timeoutDuration(policy.permitTimeout())
            .build()));
    }

    /** Throttling, a server error, or a broken connection: worth the same request again. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.isThrottlingException() || service.statusCode() == TOO_MANY_REQUESTS
                || service.statusCode() >= SERVER_ERROR || (code != null && THROTTLING_CODES.contains(code));
        }
        return failure instanceof SdkClientException && failure.getCause() instanceof IOException;
    }
}
