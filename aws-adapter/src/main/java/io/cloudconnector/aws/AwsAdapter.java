package io.cloudconnector.aws;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.aws.internal.AwsAccountFacts;
import io.cloudconnector.aws.internal.AwsClients;
import io.cloudconnector.aws.internal.AwsFindings;
import io.cloudconnector.aws.internal.AwsFleet;
import io.cloudconnector.aws.internal.AwsProvisioning;
import io.cloudconnector.aws.internal.SecurityHubPolicy;
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
 */
public final class AwsAdapter implements AwsSide {

    private final AwsClients clients;
    private final AwsFindings findings;

    private AwsAdapter(CloudEndpoints endpoints) {
        this.clients = new AwsClients(endpoints);
        this.findings = new AwsFindings(clients, SecurityHubPolicy.defaults());
    }

    /** An adapter for the public AWS cloud and the default credential chain. */
    public static AwsAdapter create() {
        return new AwsAdapter(CloudEndpoints.publicCloud());
    }

    /** An adapter whose calls go to {@code endpoints} (the AWS endpoint and base credentials are read from it). */
    public static AwsAdapter create(CloudEndpoints endpoints) {
        return new AwsAdapter(Objects.requireNonNull(endpoints, "endpoints"));
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
}
