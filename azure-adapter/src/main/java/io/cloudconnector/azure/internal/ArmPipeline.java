package io.cloudconnector.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.net.URI;

/**
 * The azure-core pipeline of every ARM call: a client request ID, a bearer token for {@code {arm}/.default} on each
 * request, and {@link ArmLoggingPolicy}. There is deliberately no retry policy: {@link ArmCalls} is the one layer
 * that retries ARM requests, under the SDK's {@link io.cloudconnector.ResiliencePolicy}, so attempts never multiply.
 * There is deliberately no azure-core HTTP logging policy either: it could log bodies.
 */
public final class ArmPipeline {

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
                new BearerTokenAuthenticationPolicy(new SignInFailures(credential), scope(arm)),
                new ArmLoggingPolicy())
            .build();
    }

    /** The token scope of an ARM endpoint: {@code https://management.azure.com/.default} for the public cloud. */
    static String scope(URI arm) {
        String base = arm.toString();
        return (base.endsWith("/") ? base : base + "/") + ".default";
    }
}
