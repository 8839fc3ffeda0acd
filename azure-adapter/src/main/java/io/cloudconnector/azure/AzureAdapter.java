package io.cloudconnector.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.azure.internal.ArmClient;
import io.cloudconnector.azure.internal.ArmCredentials;
import io.cloudconnector.azure.internal.ArmJson;
import io.cloudconnector.azure.internal.ArmPipeline;
import io.cloudconnector.azure.internal.ArmTransport;
import io.cloudconnector.azure.internal.AzureArcMachines;
import io.cloudconnector.azure.internal.AzureAssessments;
import io.cloudconnector.azure.internal.AzureConnectors;
import io.cloudconnector.azure.internal.AzureProvisioning;
import io.cloudconnector.azure.internal.GraphClient;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Azure side of a {@link io.cloudconnector.ConnectorClient}, over azure-core's HTTP pipeline.
 *
 * <p>Every call goes to the ARM endpoint of {@link CloudEndpoints#arm()} ({@value #DEFAULT_ARM_ENDPOINT} when empty)
 * with a bearer token for {@code {arm}/.default}, except provisioning's Entra calls (applications, service principals,
 * client secrets), which go to the Microsoft Graph endpoint of {@link CloudEndpoints#graph()}
 * ({@value #DEFAULT_GRAPH_ENDPOINT} when empty) with a bearer token for {@code {graph}/.default}. Each token is only
 * ever sent to its own endpoint's scheme, host and port, links in answers included. Tokens come from, in order: the
 * {@link TokenCredential} given to {@link Builder#credential}; the service principal of {@link CloudEndpoints}
 * (client ID, tenant and secret, signed in at {@link CloudEndpoints#authority()}); azure-identity's
 * {@code DefaultAzureCredential}. When {@link CloudEndpoints#trustStore()} is set, its certificates are trusted besides
 * the JDK's, for ARM, Microsoft Graph and sign-in.
 *
 * <p>Every request runs under a {@link ResiliencePolicy} ({@linkplain ResiliencePolicy#defaults() the defaults}
 * unless {@link Builder#resilience} says otherwise): retried on 408, 429, 5xx, transport errors and unreadable
 * bodies (honouring {@code Retry-After}, never past the call's budget), by the policy alone (azure-core's retry policy
 * is not used); each attempt and each request as a whole timed out; reads and writes paced per subscription at ARM's
 * rates (Microsoft Graph calls at the same rates, per tenant). A Graph POST that creates an object or a secret is sent
 * again only after 429 or 503, never after a failure that leaves its effect unknown. Long-running operations are
 * polled up to the operation timeout; a role assignment for a service principal ARM cannot see yet
 * ({@code PrincipalNotFound}) is asked again every poll interval up to the principal propagation timeout. Each
 * request is logged at DEBUG (method, path, status, request ID); headers other than the request ID and bodies never
 * are. Thread-safe; {@link #close()} releases the connection pool.
 */
public final class AzureAdapter implements AzureSide {

    /** The public cloud's Azure Resource Manager. */
    public static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

    /** How long a long-running operation or a resource provider registration may take: 5 minutes. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMinutes(5);

    /** The wait between two polls of a long-running operation when ARM sends no {@code Retry-After}: 5 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    /** The public cloud's Microsoft Graph. */
    public static final String DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com";

    /**
     * How long a role assignment is asked again while ARM cannot see its new service principal ({@code
     * PrincipalNotFound}): 2 minutes.
     */
    public static final Duration DEFAULT_PRINCIPAL_PROPAGATION_TIMEOUT = Duration.ofMinutes(2);

    private final ArmTransport transport;
    private final AzureConnectors connectors;
    private final AzureArcMachines arc;
    private final AzureAssessments assessments;
    private final AzureProvisioning provisioning;

    private AzureAdapter(Builder builder) {
        CloudEndpoints endpoints = builder.endpoints;
        URI armEndpoint = endpoints.arm().orElse(URI.create(DEFAULT_ARM_ENDPOINT));
        URI graphEndpoint = endpoints.graph().orElse(URI.create(DEFAULT_GRAPH_ENDPOINT));
        this.transport = new ArmTransport(endpoints, builder.resilience);
        TokenCredential credential = builder.credential
            .orElseGet(() -> ArmCredentials.create(endpoints, transport.httpClient(), builder.resilience));
        HttpPipeline pipeline = ArmPipeline.create(armEndpoint, "ARM", credential, transport.httpClient());
        ArmClient arm = new ArmClient(pipeline, armEndpoint, ArmJson.mapper(), builder.operationTimeout,
            builder.pollInterval, builder.resilience);
        GraphClient graph = new GraphClient(ArmPipeline.create(graphEndpoint, "Graph", credential,
            transport.httpClient()), graphEndpoint, ArmJson.mapper(), builder.resilience);
        this.connectors = new AzureConnectors(arm);
        this.arc = new AzureArcMachines(arm);
        this.assessments = new AzureAssessments(arm);
        this.provisioning = new AzureProvisioning(graph, arm, builder.principalPropagationTimeout,
            builder.pollInterval);
    }

    /** An adapter for the public cloud, with {@code DefaultAzureCredential}. */
    public static AzureAdapter create() {
        return builder().build();
    }

    /** An adapter whose calls go to {@code endpoints}, with the credential they name or the default one. */
    public static AzureAdapter create(CloudEndpoints endpoints) {
        return builder().endpoints(endpoints).build();
    }

    /**
     * A builder: public cloud, credential from the endpoints or the default chain, default timeouts, the default
     * {@link ResiliencePolicy}.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ConnectorPort connectors() {
        return connectors;
    }

    @Override
    public ArcPort arc() {
        return arc;
    }

    @Override
    public AssessmentPort assessments() {
        return assessments;
    }

    /**
     * {@inheritDoc} The identity needs, besides its ARM roles ({@code Microsoft.Resources/subscriptions/resourceGroups/
     * read} and {@code write}, {@code Microsoft.Authorization/roleAssignments/read} and {@code write}), the Microsoft
     * Graph application permission {@code Application.ReadWrite.All} or an Entra role such as Application
     * Administrator.
     */
    @Override
    public AzureProvisioningPort azureProvisioning() {
        return provisioning;
    }

    /** Releases the connection pool; calls after it fail. */
    @Override
    public void close() {
        transport.close();
    }

    /** Builds an {@link AzureAdapter}. Not thread-safe; each {@link #build()} makes an independent adapter. */
    public static final class Builder {

        private CloudEndpoints endpoints = CloudEndpoints.publicCloud();
        private Optional<TokenCredential> credential = Optional.empty();
        private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration principalPropagationTimeout = DEFAULT_PRINCIPAL_PROPAGATION_TIMEOUT;
        private ResiliencePolicy resilience = ResiliencePolicy.defaults();

        private Builder() {
        }

        /**
         * How requests are retried, timed out and paced; {@link ResiliencePolicy#defaults()} by default. Its circuit
         * breaker settings concern the AWS side only.
         */
        public Builder resilience(ResiliencePolicy policy) {
            this.resilience = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Where calls go (ARM, Microsoft Graph as a bare origin such as {@code https://graph.microsoft.us}, the Entra
         * authority), what to trust, and which service principal to sign in with; the public cloud by default.
         */
        public Builder endpoints(CloudEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /**
         * The credential ARM and Microsoft Graph tokens come from, taking precedence over a service principal in the
         * endpoints: any azure-identity credential, or the host's own.
         */
        public Builder credential(TokenCredential credential) {
            this.credential = Optional.of(Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * How long a long-running operation, or a resource provider registration, may take before the call fails
         * with a retryable {@link io.cloudconnector.CloudServiceException}; 5 minutes by default.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = positive(timeout, "operationTimeout");
            return this;
        }

        /**
         * How long a role assignment is asked again while ARM answers {@code PrincipalNotFound}, as it does for a
         * service principal created moments ago; 2 minutes by default. Then the call fails with a retryable
         * {@link io.cloudconnector.CloudServiceException} whose code is {@code PrincipalNotFound}.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder principalPropagationTimeout(Duration timeout) {
            this.principalPropagationTimeout = positive(timeout, "principalPropagationTimeout");
            return this;
        }

        /**
         * The wait between two polls when ARM sends no {@code Retry-After}, and between two role assignment
         * attempts while ARM cannot see the principal; 5 seconds by default.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "pollInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must not be negative, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * The adapter.
         *
         * @throws IllegalArgumentException when the endpoints name only part of a service principal
         * @throws io.cloudconnector.ConnectorException when the trust store cannot be read
         */
        public AzureAdapter build() {
            return new AzureAdapter(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
