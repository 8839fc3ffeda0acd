package io.cloudconnector.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.ThrottledException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one layer that retries and paces ARM requests, without HTTP: attempts are plain functions. */
class ArmCallsTest {

    private static final String OPERATION = "Microsoft.Security/connectors/write";
    private static final URI FIRST = URI.create("https://management.azure.com/subscriptions/"
        + "20ff7fc3-e762-44dd-bd96-b71116dcdc23/providers/Microsoft.Security/connectors/aws?api-version=1");
    private static final URI SECOND = URI.create("https://management.azure.com/subscriptions/"
        + "5a1d9f2e-3c4b-4d6e-8f7a-9b0c1d2e3f4a/providers/Microsoft.Security/connectors/aws?api-version=1");
    private static final ResiliencePolicy QUICK = ResiliencePolicy.builder().baseBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(2)).callBudget(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(5))
        .attemptTimeout(Duration.ofSeconds(5)).build();

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void run_writesOfASubscriptionPastTheirRate_throttledUnsentWhileReadsAndOtherSubscriptionsGoOn() {
        ArmCalls calls = new ArmCalls(ResiliencePolicy.builder().from(QUICK).armWritesPerSecond(1).build(),
            Duration.ofHours(1));
        calls.run(OPERATION, HttpMethod.PUT, FIRST, this::answered);

        assertThatThrownBy(() -> calls.run(OPERATION, HttpMethod.PUT, FIRST, this::answered))
            .isInstanceOf(ThrottledException.class)
            .hasMessage("Azure " + OPERATION + " got no permit of the SDK's rate limiter for "
                + "20ff7fc3-e762-44dd-bd96-b71116dcdc23 writes within its budget of 5000 ms");
        assertThat(calls.run(OPERATION, HttpMethod.GET, FIRST, this::answered)).isEqualTo("answer");
        assertThat(calls.run(OPERATION, HttpMethod.DELETE, SECOND, this::answered)).isEqualTo("answer");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void run_serverErrorOnce_retriedAndAnswered() {
        String answer = new ArmCalls(QUICK).run(OPERATION, HttpMethod.PUT, FIRST, attempt -> {
            if (attempts.incrementAndGet() == 1) {
                throw serverError();
            }
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void run_retryAfterPastTheBudget_failsAtOnceSayingWhatWasAsked() {
        assertThatThrownBy(() -> new ArmCalls(QUICK).run(OPERATION, HttpMethod.PUT, FIRST, attempt -> {
            attempts.incrementAndGet();
            attempt.retryAfter(Optional.of(Duration.ofSeconds(30)));
            throw new ThrottledException("Azure " + OPERATION + " failed: HTTP 429", ArmErrors.PROVIDER, OPERATION,
                null, 429, "SubscriptionRequestsThrottled", "req-1", null);
        }))
            .isInstanceOf(ThrottledException.class)
            .hasMessage("Azure " + OPERATION + " failed: HTTP 429 (gave up after 1 attempt in 0.0 s of a 5.0 s "
                + "budget; the last answer asked to retry after 30 s)")
            .satisfies(e -> assertThat(((ThrottledException) e).requestId()).contains("req-1"));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void run_accessDenied_neverRetried() {
        assertThatThrownBy(() -> new ArmCalls(QUICK).run(OPERATION, HttpMethod.PUT, FIRST, attempt -> {
            attempts.incrementAndGet();
            throw new AccessDeniedException("Azure " + OPERATION + " failed: HTTP 403", ArmErrors.PROVIDER, OPERATION,
                null, 403, "AuthorizationFailed", null, OPERATION, null);
        })).isInstanceOf(AccessDeniedException.class).hasMessage("Azure " + OPERATION + " failed: HTTP 403");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void run_serverErrorEveryTime_theAttemptsOfThePolicyThenTheLastError() {
        assertThatThrownBy(() -> new ArmCalls(QUICK).run(OPERATION, HttpMethod.GET, FIRST, attempt -> {
            attempts.incrementAndGet();
            throw serverError();
        }))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageStartingWith("Azure " + OPERATION + " failed: HTTP 500 (gave up after 5 attempts in ");
        assertThat(attempts).hasValue(QUICK.maxAttempts());
    }

    private String answered(ArmCalls.Attempts attempt) {
        attempts.incrementAndGet();
        return "answer";
    }

    private static CloudServiceException serverError() {
        return new CloudServiceException("Azure " + OPERATION + " failed: HTTP 500", ArmErrors.PROVIDER, OPERATION,
            null, 500, "InternalServerError", null, true, null);
    }
}
