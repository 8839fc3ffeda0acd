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
 * The azure-core pipeline of every call to an Azure endpoint (ARM, Microsoft Graph): a client request ID, a bearer
 * token for {@code {endpoint}/.default} on each request, and {@link ArmLoggingPolicy}. There is deliberately no retry
 * policy: {@link ArmCalls} is the one layer that retries requests, under the SDK's
 * {@link io.cloudconnector.ResiliencePolicy}, so attempts never multiply. There is deliberately no azure-core HTTP
 * logging policy either: it could log bodies.
 */
public final class ArmPipeline {

    private static final String USER_AGENT = "cloud-connector-sdk";

    private ArmPipeline() {
    }

    /**
     * The pipeline for {@code endpoint}, authenticated by {@code credential} with a token for that endpoint.
     *
     * @param service the endpoint's name in log lines, such as {@code ARM} or {@code Graph}
     */
    public static HttpPipeline create(URI endpoint, String service, TokenCredential credential,
        HttpClient httpClient) {
        return new HttpPipelineBuilder()
            .httpClient(httpClient)
            .policies(
                new UserAgentPolicy(USER_AGENT),
                new RequestIdPolicy(),
                new BearerTokenAuthenticationPolicy(new SignInFailures(credential), scope(endpoint)),
                new ArmLoggingPolicy(service))
            .build();
    }

    /**
     * The token scope of an endpoint: {@code https://management.azure.com/.default} for the public cloud's ARM,
     * {@code https://graph.microsoft.com/.default} for its Microsoft Graph.
     */
    static String scope(URI endpoint) {
        String base = endpoint.toString();
        return (base.endsWith("/") ? base : base + "/") + ".default";
    }
}
