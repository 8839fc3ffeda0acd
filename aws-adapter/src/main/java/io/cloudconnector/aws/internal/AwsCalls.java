package io.cloudconnector.aws.internal;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.ThrottledException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs every AWS SDK call under the {@link ResiliencePolicy}: the one layer that retries (the AWS SDK's own retries
 * are off, see {@link AwsClients}), a circuit breaker per account, service and region, the Security Hub rate limits
 * per account and region, and translation of the final failure into the {@link ConnectorException} hierarchy,
 * naming the operation, the region and the cause (never a credential). Paged listings go through
 * {@link #forEachPage}, which stops a listing that repeats a page token or runs past the policy's page limit.
 * Thread-safe; one instance per {@link AwsClients}.
 */
public final class AwsCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCalls.class);
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "UnauthorizedAccess", "AuthFailure");
    private static final Set<String> THROTTLING_CODES = Set.of("ThrottlingException", "Throttling",
        "RequestLimitExceeded", "TooManyRequestsException", "LimitExceededException");
    private static final Set<Integer> SERVER_ERRORS = Set.of(500, 502, 503, 504);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;
    private static final String GLOBAL = "global";

    private final ResiliencePolicy policy;
    private final Duration ratePeriod;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    /** Calls under {@code policy}, its rates counted per second. */
    public AwsCalls(ResiliencePolicy policy) {
        this(policy, Duration.ofSeconds(1));
    }

    /** Calls under {@code policy}, its rates counted per {@code ratePeriod} instead of per second. */
    AwsCalls(ResiliencePolicy policy, Duration ratePeriod) {
        this.policy = policy;
        this.ratePeriod = ratePeriod;
    }

    /**
     * Runs {@code call}, which may be sent again: retried on throttling, server errors, broken connections and
     * timeouts, within the policy's attempts and budget.
     *
     * @param account the AWS account the call is made for
     * @param operation the IAM action name of the call, such as {@code ec2:DescribeInstances}
     * @param region the region it runs in, or null for a global call (IAM)
     * @throws ConnectorException when it fails for good, when its circuit is open, or when no rate-limiter permit
     *     came within the budget
     */
    public <T> T call(String account, String operation, String region, Supplier<T> call) {
        return run(account, operation, region, call, true);
    }

    /**
     * Runs {@code call}, which changes state and must not be sent twice: retried only when AWS said it did not
     * process it (throttling, HTTP 503) or the connection was refused. A timeout or a connection lost after sending
     * fails at once, saying the request may have been carried out.
     *
     * @throws ConnectorException as {@link #call} does
     */
    public <T> T callNotIdempotent(String account, String operation, String region, Supplier<T> call) {
        return run(account, operation, region, call, false);
    }

    /**
     * Reads a paged listing: {@code fetch} gets the page of a token (null for the first page), each page goes to
     * {@code consumer}, and {@code nextToken} says where the next one starts (null or empty on the last). Each page
     * is one {@link #call}.
     *
     * @throws CloudServiceException when a page hands back a token seen before, or the listing runs past the
     *     policy's page limit; what the consumer received by then is not a complete listing
     */
    public <P> void forEachPage(String account, String operation, String region, Function<String, P> fetch,
        Function<P, String> nextToken, Consumer<P> consumer) {
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            if (pages == policy.maxPages()) {
                throw paging(operation, region, "went on past " + policy.maxPages() + " pages");
            }
            String asked = token;
            P page = call(account, operation, region, () -> fetch.apply(asked));
            pages++;
            consumer.accept(page);
            token = nextToken.apply(page);
            if (token != null && !token.isEmpty() && !seen.add(token)) {
                throw paging(operation, region, "handed back a page token it had given before (page " + pages
                    + ")");
            }
        } while (token != null && !token.isEmpty());
    }

    private <T> T run(String account, String operation, String region, Supplier<T> call, boolean idempotent) {
        Circuit circuit = circuits.computeIfAbsent(account + "|" + service(operation) + "|" + where(region),
            key -> new Circuit(CircuitBreaker.of(key, circuitConfig()), new AtomicReference<>("")));
        if (!circuit.breaker().tryAcquirePermission()) {
            throw circuitOpen(circuit, operation, region);
        }
        Optional<RateLimiter> limiter = limiter(account, operation, region);
        Attempts attempts = new Attempts();
        try {
            Predicate<Throwable> retryable = idempotent ? AwsCalls::isTransient : AwsCalls::isUnprocessed;
            T result = retry(operation, retryable, attempts).executeSupplier(() -> {
                limiter.ifPresent(AwsCalls::awaitPermit);
                attempts.started();
                return call.get();
            });
            circuit.breaker().onSuccess(attempts.elapsed().toNanos(), TimeUnit.NANOSECONDS);
            return result;
        } catch (SdkException e) {
            ConnectorException failure = translate(e, operation, region, attempts.summary(), idempotent);
            circuit.failed(attempts.elapsed(), e, failure.getMessage());
            throw failure;
        } catch (RequestNotPermitted e) {
            circuit.breaker().releasePermission();
            int rate = limiter.map(permits -> permits.getRateLimiterConfig().getLimitForPeriod()).orElse(0);
            throw new ThrottledException(operation + " in " + where(region) + " got no permit of the SDK's rate "
                + "limiter within its budget of " + seconds(policy.callBudget()) + " (" + rate + " calls per "
                + seconds(ratePeriod) + ")", "aws", operation, region, 0, null, null, e);
        } catch (RuntimeException e) {
            circuit.breaker().releasePermission();
            throw e;
        }
    }

    private Retry retry(String operation, Predicate<Throwable> retryable, Attempts attempts) {
        return Retry.of(operation, RetryConfig.custom()
            .maxAttempts(policy.maxAttempts())
            .retryOnException(failure -> retryable.test(failure) && attempts.planRetry(failure))
            .intervalBiFunction((attempt, outcome) -> attempts.plannedWait().toMillis())
            .build());
    }

    private CircuitBreakerConfig circuitConfig() {
        return CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(policy.failureThreshold())
            .minimumNumberOfCalls(policy.failureThreshold())
            .failureRateThreshold(100)
            .permittedNumberOfCallsInHalfOpenState(1)
            .waitDurationInOpenState(policy.openDuration())
            .recordException(AwsCalls::isTransient)
            .build();
    }

    private Optional<RateLimiter> limiter(String account, String operation, String region) {
        if (!operation.startsWith("securityhub:")) {
            return Optional.empty();
        }
        boolean getFindings = operation.equals("securityhub:GetFindings");
        String key = account + "|" + region + "|" + (getFindings ? "GetFindings" : "other");
        return Optional.of(limiters.computeIfAbsent(key, name -> RateLimiter.of("securityhub|" + name,
            RateLimiterConfig.custom()
                .limitForPeriod(getFindings ? policy.securityHubGetFindingsPerSecond() : policy.securityHubPerSecond())
                .limitRefreshPeriod(ratePeriod)
                .timeoutDuration(policy.callBudget())
                .build())));
    }

    /**
     * Takes a permit of {@code limiter}, waiting for it when it comes within the limiter's timeout (the call's
     * budget) and failing at once when it would not.
     *
     * @throws RequestNotPermitted when no permit comes within the budget
     */
    private static void awaitPermit(RateLimiter limiter) {
        long wait = limiter.reservePermission();
        if (wait < 0) {
            throw RequestNotPermitted.createRequestNotPermitted(limiter);
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private ConnectorException circuitOpen(Circuit circuit, String operation, String region) {
        String message = operation + " in " + where(region) + " was not called: circuit open after "
            + policy.failureThreshold() + " failures of " + service(operation) + " in " + where(region)
            + " (calls resume after " + seconds(policy.openDuration()) + "); the last: "
            + circuit.lastFailure().get();
        return new CloudServiceException(message, "aws", operation, region, 0, "CircuitOpen", null, true, null);
    }

    private static CloudServiceException paging(String operation, String region, String problem) {
        return new CloudServiceException(operation + " in " + where(region) + " " + problem
            + "; stopping the listing instead of looping", "aws", operation, region, 0, null, null, false, null);
    }

    /**
     * The {@link ConnectorException} that stands for {@code e}, naming operation and region, with what the retries
     * did ({@code attempts}) and, for a call that is not sent twice, whether AWS may have carried it out.
     */
    private static ConnectorException translate(SdkException e, String operation, String region, String attempts,
        boolean idempotent) {
        String where = operation + (region == null ? "" : " in " + region);
        String notResent = !idempotent && isTransient(e) && !isUnprocessed(e)
            ? "; not sent again, because AWS may have carried it out" : "";
        if (e instanceof AwsServiceException service) {
            return translateService(service, operation, region, where, attempts + notResent);
        }
        return new CloudServiceException(where + " failed without a readable answer: " + e.getMessage() + attempts
            + notResent, "aws", operation, region, 0, null, null, isTransient(e), e);
    }

    private static ConnectorException translateService(AwsServiceException e, String operation, String region,
        String where, String suffix) {
        String code = code(e);
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        int status = e.statusCode();
        String message = where + " failed: " + code + " (HTTP " + status + "): " + detail + suffix;
        if (isThrottling(e)) {
            return new ThrottledException(message, "aws", operation, region, status, code, e.requestId(), e);
        }
        if (code != null && ACCESS_DENIED_CODES.contains(code)) {
            return new AccessDeniedException(message + " (missing permission: " + operation + ")", "aws", operation,
                region, status, code, e.requestId(), operation, e);
        }
        return new CloudServiceException(message, "aws", operation, region, status, code, e.requestId(),
            SERVER_ERRORS.contains(status) || e.retryable(), e);
    }

    /**
     * Worth the same request again: throttling, a server error (500, 502, 503, 504), a broken connection, a body
     * that could not be read (the JSON parsers fail with an {@link IOException}, the XML one with an
     * {@link XMLStreamException}), or a timeout, found anywhere in the cause chain (a failed role assumption arrives
     * wrapped in the call it was made for).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return isThrottling(service) || SERVER_ERRORS.contains(service.statusCode());
            }
            if (cause instanceof IOException || cause instanceof ApiCallAttemptTimeoutException
                || cause instanceof ApiCallTimeoutException || cause instanceof XMLStreamException) {
                return true;
            }
        }
        return false;
    }

    /** AWS said it did not process the request: throttling or 503; or the connection was refused. */
    static boolean isUnprocessed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return isThrottling(service) || service.statusCode() == UNAVAILABLE;
            }
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThrottling(AwsServiceException e) {
        String code = code(e);
        return e.isThrottlingException() || e.statusCode() == TOO_MANY_REQUESTS
            || code != null && THROTTLING_CODES.contains(code);
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String service(String operation) {
        int colon = operation.indexOf(':');
        return colon < 0 ? operation : operation.substring(0, colon);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String where(String region) {
        return region == null ? GLOBAL : region;
    }

    /** A circuit breaker and the last transient failure it counted, for the message of an open circuit. */
    private record Circuit(CircuitBreaker breaker, AtomicReference<String> lastFailure) {

        /** Counts {@code e} when it is transient, remembering {@code message} as the last cause. */
        void failed(Duration elapsed, SdkException e, String message) {
            if (isTransient(e)) {
                lastFailure.set(message);
                LOG.debug("Circuit {} counts a failure: {}", breaker.getName(), message);
            }
            breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, e);
        }
    }

    /** One call's attempts: how many started, when the first did, and the wait planned before the next. */
    private final class Attempts {

        private final long start = System.nanoTime();
        private int started;
        private Duration plannedWait = Duration.ZERO;

        void started() {
            started++;
        }

        boolean planRetry(Throwable failure) {
            Optional<Duration> wait = policy.retryWait(started, elapsed(), Optional.empty());
            wait.ifPresent(planned -> {
                plannedWait = planned;
                LOG.debug("Attempt {} failed ({}); retrying in {} ms", started, failure.getMessage(),
                    planned.toMillis());
            });
            return wait.isPresent();
        }

        Duration plannedWait() {
            return plannedWait;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        /** {@code " (gave up after 3 attempts in 1.2 s)"} after retries; empty after one attempt. */
        String summary() {
            if (started <= 1) {
                return "";
            }
            return " (gave up after " + started + " attempts in " + seconds(elapsed()) + ")";
        }
    }
}
