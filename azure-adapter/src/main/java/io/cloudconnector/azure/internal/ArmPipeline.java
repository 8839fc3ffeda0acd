package io.cloudconnector.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * The azure-core pipeline of every ARM call: a client request ID, retries (429, 408 and 5xx, honouring
 * {@code Retry-After}; transport errors), a bearer token for {@code {arm}/.default} on each attempt, and
 * {@link ArmLoggingPolicy}. There is deliberately no azure-core HTTP logging policy: it could log bodies.
 */
public final class ArmPipeline {

    /** Retries after the first attempt. */
    static final int MAX_RETRIES = 4;
    /** The first back-off when the service sends no {@code Retry-After}; it doubles per retry. */
    static final Duration BASE_DELAY = Duration.ofMillis(800);
    /** The longest back-off when the service sends no {@code Retry-After}. */
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

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
                new RetryPolicy(new ExponentialBackoff(MAX_RETRIES, BASE_DELAY, MAX_DELAY)),
                new BearerTokenAuthenticationPolicy(credential, scope(arm)),
                new ArmLoggingPolicy())
            .build();
    }

    /** The token scope of an ARM endpoint: {@code https://management.azure.com/.default} for the public cloud. */
    static String scope(URI arm) {
        String base = arm.toString();
        return (base.endsWith("/") ? base : base + "/") + ".default";
    }
}
