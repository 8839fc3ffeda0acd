package io.cloudconnector.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ResiliencePolicy;
import java.time.Duration;

/**
 * Chooses the credential ARM tokens come from when the host passed none: the service principal of
 * {@link CloudEndpoints} when it names one, else azure-identity's {@code DefaultAzureCredential}. Both use the trusting
 * HTTP client and the configured authority, and never log HTTP bodies (a token request carries the client secret),
 * whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says. A token request is retried by azure-identity itself, with the
 * attempts and backoff of the {@link ResiliencePolicy}; the ARM retries never repeat a failed sign-in, so the two
 * never multiply.
 */
public final class ArmCredentials {

    private ArmCredentials() {
    }

    /**
     * The credential for {@code endpoints}.
     *
     * @throws IllegalArgumentException when the endpoints name only part of a service principal
     */
    public static TokenCredential create(CloudEndpoints endpoints, HttpClient httpClient, ResiliencePolicy policy) {
        boolean clientId = endpoints.azureClientId().isPresent();
        boolean tenantId = endpoints.azureTenantId().isPresent();
        boolean secret = endpoints.azureClientSecret().isPresent();
        if (clientId && tenantId && secret) {
            return servicePrincipal(endpoints, httpClient, policy);
        }
        if (clientId || tenantId || secret) {
            throw new IllegalArgumentException("CloudEndpoints names part of an Azure service principal: set"
                + " azureClientId, azureTenantId and azureClientSecret together, or none of them for the default"
                + " Azure credential");
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder()
            .httpClient(httpClient)
            .httpLogOptions(silent())
            .retryOptions(retries(policy));
        endpoints.authority().ifPresent(authority -> builder.authorityHost(authority.toString()));
        return builder.build();
    }

    private static TokenCredential servicePrincipal(CloudEndpoints endpoints, HttpClient httpClient,
        ResiliencePolicy policy) {
        ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
            .clientId(endpoints.azureClientId().get())
            .tenantId(endpoints.azureTenantId().get())
            .clientSecret(endpoints.azureClientSecret().get().reveal())
            .disableInstanceDiscovery()
            .httpClient(httpClient)
            .httpLogOptions(silent())
            .retryOptions(retries(policy));
        endpoints.authority().ifPresent(authority -> builder.authorityHost(authority.toString()));
        return builder.build();
    }

    /** The policy's attempts and backoff, for azure-identity's own retry of token requests. */
    private static RetryOptions retries(ResiliencePolicy policy) {
        Duration base = policy.baseBackoff().isZero() ? Duration.ofMillis(1) : policy.baseBackoff();
        Duration max = policy.maxBackoff().compareTo(base) < 0 ? base : policy.maxBackoff();
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(policy.maxAttempts() - 1)
            .setBaseDelay(base).setMaxDelay(max));
    }

    private static HttpLogOptions silent() {
        return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE);
    }
}
