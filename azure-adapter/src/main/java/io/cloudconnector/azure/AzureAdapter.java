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
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
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
 * with a bearer token for {@code {arm}/.default}. Tokens come from, in order: the {@link TokenCredential} given to
 * {@link Builder#credential}; the service principal of {@link CloudEndpoints} (client ID, tenant and secret, signed in
 * at {@link CloudEndpoints#authority()}); azure-identity's {@code DefaultAzureCredential}. When
 * {@link CloudEndpoints#trustStore()} is set, its certificates are trusted besides the JDK's, for ARM and sign-in.
 *
 * <p>Every request runs under a {@link ResiliencePolicy} ({@linkplain ResiliencePolicy#defaults() the defaults}
 * unless {@link Builder#resilience} says otherwise): retried on 408, 429, 5xx, transport errors and unreadable
 * bodies (honouring {@code Retry-After}, never past the call's budget), by the policy alone (azure-core's retry policy
 * is not used); each attempt and each request as a whole timed out; reads and writes paced per subscription at ARM's
 * rates. Long-running operations are polled up to the operation timeout. Each request is logged at DEBUG (method, path,
 * status, {@code x-ms-request-id}); headers other than the request ID and bodies never are. Thread-safe;
 * {@link #close()} releases the connection pool.
 */
public final class AzureAdapter implements AzureSide {

    /** The public cloud's Azure Resource Manager. */
    public static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

    /** How long a long-running operation or a resource provider registration may take: 5 minutes. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMinutes(5);

    /** The wait between two polls of a long-running operation when ARM sends no {@code Retry-After}: 5 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private final ArmTransport transport;
    private final AzureConnectors connectors;
    private final AzureArcMachines arc;
    private final AzureAssessments assessments;

    private AzureAdapter(Builder builder) {
        CloudEndpoints endpoints = builder.endpoints;
        URI armEndpoint = endpoints.arm().orElse(URI.create(DEFAULT_ARM_ENDPOINT));
        this.transport = new ArmTransport(endpoints, builder.resilience);
        TokenCredential credential = builder.credential
            .orElseGet(() -> ArmCredentials.create(endpoints, transport.httpClient(), builder.resilience));
        HttpPipeline pipeline = ArmPipeline.create(armEndpoint, credential, transport.httpClient());
        ArmClient arm = new ArmClient(pipeline, armEndpoint, ArmJson.mapper(), builder.operationTimeout,
            builder.pollInterval, builder.resilience);
        this.connectors = new AzureConnectors(arm);
        this.arc = new AzureArcMachines(arm);
        this.assessments = new AzureAssessments(arm);
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

        /** Where calls go, what to trust, and which service principal to sign in with; the public cloud by default. */
        public Builder endpoints(CloudEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /**
         * The credential ARM tokens come from, taking precedence over a service principal in the endpoints: any
         * azure-identity credential, or the host's own.
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
         * The wait between two polls when ARM sends no {@code Retry-After}; 5 seconds by default.
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
