package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpMethod;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.ThrottledException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Azure Resource Manager (or Microsoft Graph) exchange under the {@link ResiliencePolicy}: the one layer
 * that retries those requests (the azure-core pipeline has no retry policy, see {@link ArmPipeline}), honouring
 * {@code Retry-After} and never waiting past the call's budget, and the subscription's rate limits (reads, and writes
 * and deletes; calls outside a subscription, such as Graph's, share the tenant's). A failure is retried when its
 * {@link CloudServiceException} says a retry may succeed: HTTP 408, 429, 5xx, no answer, or a body that could not
 * be read. Thread-safe.
 */
final class ArmCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ArmCalls.class);
    private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/([^/]+)", Pattern.CASE_INSENSITIVE);

    private final ResiliencePolicy policy;
    private final Duration ratePeriod;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    ArmCalls(ResiliencePolicy policy) {
        this(policy, Duration.ofSeconds(1));
    }

    /** Calls whose rates are counted per {@code ratePeriod} instead of per second. */
    ArmCalls(ResiliencePolicy policy, Duration ratePeriod) {
        this.policy = policy;
        this.ratePeriod = ratePeriod;
    }

    /** The policy the calls run under. */
    ResiliencePolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt} until it returns, fails for good, or the policy's attempts or budget are spent; each
     * attempt first takes a permit of the subscription's read or write limiter.
     *
     * @throws ConnectorException the last failure, with the attempts made when there was more than one
     */
    <T> T run(String operation, HttpMethod method, URI url, Function<Attempts, T> attempt) {
        RateLimiter limiter = limiter(method, url);
        Attempts attempts = new Attempts();
        Retry retry = Retry.of(operation, RetryConfig.custom()
            .maxAttempts(policy.maxAttempts())
            .retryOnException(failure -> failure instanceof CloudServiceException cloud && cloud.retryable()
                && !(cloud instanceof AccessDeniedException) && attempts.planRetry(cloud))
            .intervalBiFunction((number, outcome) -> attempts.plannedWait.toMillis())
            .build());
        try {
            return retry.executeSupplier(() -> {
                awaitPermit(limiter);
                attempts.started++;
                attempts.retryAfter = Optional.empty();
                return attempt.apply(attempts);
            });
        } catch (RequestNotPermitted e) {
            throw new ThrottledException("Azure " + operation + " got no permit of the SDK's rate limiter for "
                + limiter.getName() + " within its budget of " + policy.callBudget().toMillis() + " ms",
                ArmErrors.PROVIDER, operation, null, 0, null, null, e);
        } catch (CloudServiceException e) {
            throw e.retryable() ? ArmErrors.withAttempts(e, attempts.summary()) : e;
        }
    }

    /** Takes a permit, waiting when it comes within the budget, failing at once when it would not. */
    private static void awaitPermit(RateLimiter limiter) {
        long wait = limiter.reservePermission();
        if (wait < 0) {
            throw RequestNotPermitted.createRequestNotPermitted(limiter);
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private RateLimiter limiter(HttpMethod method, URI url) {
        Matcher subscription = SUBSCRIPTION.matcher(url.getPath());
        String scope = subscription.find() ? subscription.group(1).toLowerCase(Locale.ROOT) : "tenant";
        boolean read = method == HttpMethod.GET;
        String name = scope + (read ? " reads" : " writes");
        return limiters.computeIfAbsent(name, key -> RateLimiter.of(key, RateLimiterConfig.custom()
            .limitForPeriod(read ? policy.armReadsPerSecond() : policy.armWritesPerSecond())
            .limitRefreshPeriod(ratePeriod)
            .timeoutDuration(policy.callBudget())
            .build()));
    }

    /** One call's attempts: how many started, when, and what the last answer asked for. */
    final class Attempts {

        private final long start = System.nanoTime();
        private int started;
        private Optional<Duration> retryAfter = Optional.empty();
        private Duration plannedWait = Duration.ZERO;

        /** The wait the last answer asked for with {@code Retry-After}. */
        void retryAfter(Optional<Duration> asked) {
            this.retryAfter = asked;
        }

        private boolean planRetry(CloudServiceException failure) {
            Optional<Duration> wait = policy.retryWait(started, elapsed(), retryAfter);
            wait.ifPresent(planned -> {
                plannedWait = planned;
                LOG.debug("Azure {} attempt {} failed ({}); retrying in {} ms", failure.operation().orElse(""),
                    started, failure.getMessage(), planned.toMillis());
            });
            return wait.isPresent();
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        /** {@code " (gave up after 2 attempts in 1.3 s; the last answer asked to retry after 5 s)"}. */
        private String summary() {
            String asked = retryAfter.map(wait -> "; the last answer asked to retry after " + wait.toSeconds()
                + " s").orElse("");
            return String.format(Locale.ROOT, " (gave up after %d attempt%s in %.1f s of a %.1f s budget%s)",
                started, started == 1 ? "" : "s", elapsed().toMillis() / 1000.0,
                policy.callBudget().toMillis() / 1000.0, asked);
        }
    }
}
