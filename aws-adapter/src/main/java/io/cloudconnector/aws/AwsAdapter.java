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

    /** Security Hub's published {@code GetFindings} quota per account and region, per second (burst 6). */
    public static final int DEFAULT_GET_FINDINGS_PER_SECOND = SecurityHubPolicy.GET_FINDINGS_PER_SECOND;
    /** The most {@code GetFindings} calls per second {@link #create(CloudEndpoints, int)} accepts. */
    public static final int MAX_GET_FINDINGS_PER_SECOND = 10_000;

    private final AwsClients clients;
    private final AwsFindings findings;

    private AwsAdapter(CloudEndpoints endpoints, int getFindingsPerSecond) {
        this.clients = new AwsClients(endpoints);
        this.findings = new AwsFindings(clients, SecurityHubPolicy.withGetFindingsPerSecond(getFindingsPerSecond));
    }

    /** An adapter for the public AWS cloud and the default credential chain. */
    public static AwsAdapter create() {
        return new AwsAdapter(CloudEndpoints.publicCloud(), DEFAULT_GET_FINDINGS_PER_SECOND);
    }

    /** An adapter whose calls go to {@code endpoints} (the AWS endpoint and base credentials are read from it). */
    public static AwsAdapter create(CloudEndpoints endpoints) {
        return create(endpoints, DEFAULT_GET_FINDINGS_PER_SECOND);
    }

    /**
     * As {@link #create(CloudEndpoints)}, with Security Hub's {@code GetFindings} paced at {@code getFindingsPerSecond}
     * calls per account and region instead of the published {@value #DEFAULT_GET_FINDINGS_PER_SECOND}: for an
     * account whose quota was raised, or for an endpoint without that quota (a local emulator, or the testkit
     * sandbox with its quota off). The pace holds per one-second period, so at most twice the rate can start within
     * any one second; a rate above the account's quota is answered with throttling, which is retried.
     *
     * @throws IllegalArgumentException when {@code getFindingsPerSecond} is not between 1 and
     *     {@value #MAX_GET_FINDINGS_PER_SECOND}
     */
    public static AwsAdapter create(CloudEndpoints endpoints, int getFindingsPerSecond) {
        if (getFindingsPerSecond < 1 || getFindingsPerSecond > MAX_GET_FINDINGS_PER_SECOND) {
            throw new IllegalArgumentException("getFindingsPerSecond must be between 1 and "
                + MAX_GET_FINDINGS_PER_SECOND + ", was " + getFindingsPerSecond);
        }
        return new AwsAdapter(Objects.requireNonNull(endpoints, "endpoints"), getFindingsPerSecond);
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
