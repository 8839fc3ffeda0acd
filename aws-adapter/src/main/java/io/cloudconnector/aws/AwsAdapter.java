package io.cloudconnector.aws;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.aws.internal.AwsAccountFacts;
import io.cloudconnector.aws.internal.AwsClients;
import io.cloudconnector.aws.internal.AwsFindings;
import io.cloudconnector.aws.internal.AwsFleet;
import io.cloudconnector.aws.internal.AwsProvisioning;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.ProvisioningPort;
import java.util.Objects;

/**
 * The AWS side of a {@link io.cloudconnector.ConnectorClient}, over aws-sdk-java-v2.
 *
 * <p>Credentials: a spec with access keys uses them; a spec with assume-role authentication assumes its role (with
 * its External ID) from the base credentials, which are the endpoints' {@code awsCredentials} when set and the AWS
 * SDK's default provider chain otherwise. Clients are created per account, service and region on first use and
 * reused; {@link #close()} closes them all.
 *
 * <p>Every call runs under a {@link ResiliencePolicy} ({@linkplain ResiliencePolicy#defaults() the defaults} unless
 * {@link Builder#resilience} says otherwise): retried on throttling, server errors, broken connections and timeouts
 * by the policy alone (the AWS SDK's own retries are off), each attempt and each SDK call timed out, a circuit
 * breaker per account, service and region, Security Hub paced at its published rates, and paged listings stopped
 * when a page token repeats or the page limit is reached.
 */
public final class AwsAdapter implements AwsSide {

    private final AwsClients clients;
    private final AwsFindings findings;

    private AwsAdapter(Builder builder) {
        this.clients = new AwsClients(builder.endpoints, builder.resilience);
        this.findings = new AwsFindings(clients);
    }

    /** An adapter for the public AWS cloud and the default credential chain, with the default policy. */
    public static AwsAdapter create() {
        return builder().build();
    }

    /**
     * An adapter whose calls go to {@code endpoints} (the AWS endpoint and base credentials are read from it), with
     * the default policy.
     */
    public static AwsAdapter create(CloudEndpoints endpoints) {
        return builder().endpoints(endpoints).build();
    }

    /** A builder: the public cloud, the default credential chain, the default {@link ResiliencePolicy}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccountPort account() {
        return new AwsAccountFacts(clients);
    }

    @Override
    public FleetPort fleet() {
        return new AwsFleet(clients);
    }

    @Override
    public FindingsPort findings() {
        return findings;
    }

    /** {@inheritDoc} With the base credentials: the endpoints' {@code awsCredentials}, else the default chain. */
    @Override
    public ProvisioningPort provisioning() {
        return new AwsProvisioning(clients);
    }

    @Override
    public void close() {
        clients.close();
    }

    /** Builds an {@link AwsAdapter}. Not thread-safe; each {@link #build()} makes an independent adapter. */
    public static final class Builder {

        private CloudEndpoints endpoints = CloudEndpoints.publicCloud();
        private ResiliencePolicy resilience = ResiliencePolicy.defaults();

        private Builder() {
        }

        /** Where calls go and with which base credentials; the public cloud and the default chain by default. */
        public Builder endpoints(CloudEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /** How calls are retried, timed out, paced and cut off; {@link ResiliencePolicy#defaults()} by default. */
        public Builder resilience(ResiliencePolicy policy) {
            this.resilience = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The adapter; its clients are created on first use. */
        public AwsAdapter build() {
            return new AwsAdapter(this);
        }
    }
}
