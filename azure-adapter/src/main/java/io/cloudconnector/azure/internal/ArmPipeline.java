package io.cloudconnector.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The azure-core pipeline of every ARM call: a client request ID, retries (408, 429, 500, 502, 503, 504 and transport
 * errors, honouring {@code Retry-After}; never a failed sign-in), a bearer token for {@code {arm}/.default} on each
 * attempt, and {@link ArmLoggingPolicy}. There is deliberately no azure-core HTTP logging policy: it could log bodies.
 */
public final class ArmPipeline {

    /** Retries after the first attempt. */
    static final int MAX_RETRIES = 4;
    /** The first back-off when the service sends no {@code Retry-After}; it doubles per retry. */
    static final Duration BASE_DELAY = Duration.ofMillis(800);
    /** The longest back-off when the service sends no {@code Retry-After}. */
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** The statuses retried: request timeout, throttling, and the transient server errors. */
    static final Set<Integer> RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private static final String USER_AGENT = "cloud-connector-sdk";

    private ArmPipeline() {
    }

    /** The pipeline for the ARM endpoint {@code arm}, authenticated by {@code credential}. */
    public static HttpPipeline create(URI arm, TokenCredential credential, HttpClient httpClient) {
        return new HttpPipelineBuilder()
            .httpClient(httpClient)
            .policies(
                new UserAgentPolicy(USER_AGENT),
                new RequestIdPolicy(),
                new RetryPolicy(retryOptions()),
                new BearerTokenAuthenticationPolicy(new SignInFailures(credential), scope(arm)),
                new ArmLoggingPolicy())
            .build();
    }

    private static RetryOptions retryOptions() {
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(MAX_RETRIES).setBaseDelay(BASE_DELAY)
            .setMaxDelay(MAX_DELAY)).setShouldRetryCondition(ArmPipeline::shouldRetry);
    }

    /** Retry statuses ARM documents as transient, and transport failures; never a failed sign-in. */
    static boolean shouldRetry(RequestRetryCondition condition) {
        if (condition.getResponse() != null) {
            return RETRY_STATUSES.contains(condition.getResponse().getStatusCode());
        }
        for (Throwable cause = condition.getThrowable(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientAuthenticationException) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The token scope of an ARM endpoint: {@code https://management.azure.com/.default} for the public cloud. */
    static String scope(URI arm) {
        String base = arm.toString();
        return (base.endsWith("/") ? base : base + "/") + ".default";
    }
}
