package io.cloudconnector;

import io.cloudconnector.internal.readiness.ReadinessService;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.util.Objects;

/**
 * The one entry point of the SDK: built from an AWS side and an Azure side, it checks readiness, manages the connector
 * resource, discovers and onboards EC2 instances, and reads findings.
 *
 * <p>Thread-safe. Calls are synchronous and return immutable results. {@link #close()} closes both sides.
 */
public final class ConnectorClient implements AutoCloseable {

    private final AwsSide aws;
    private final AzureSide azure;

    private ConnectorClient(AwsSide aws, AzureSide azure) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.azure = Objects.requireNonNull(azure, "azure");
    }

    /** A client over the given sides; it owns them and closes them with itself. */
    public static ConnectorClient of(AwsSide aws, AzureSide azure) {
        return new ConnectorClient(aws, azure);
    }

    /**
     * Checks that the spec's AWS account is ready to connect: the credentials, the regions, AWS Config and Security
     * Hub in every region the spec covers, the IAM role or users, and the share of EC2 instances SSM manages. Regions
     * are checked in parallel, at most 8 at a time; a region that is not enabled for the account is reported, never
     * called.
     *
     * <p>Cloud errors do not throw: a check that could not be run (a missing permission, throttling after retries, a
     * timeout) is reported as {@link ReadinessCheck.Status#ERROR} with the cause, and every other check still runs.
     * When the credentials do not resolve to the spec's account, the report holds the credential checks alone.
     *
     * @throws NullPointerException when {@code spec} is null
     */
    public ReadinessReport checkReadiness(ConnectorSpec spec) {
        return new ReadinessService(aws).check(Objects.requireNonNull(spec, "spec"));
    }

    /** Closes the AWS side, then the Azure side. */
    @Override
    public void close() {
        try {
            aws.close();
        } finally {
            azure.close();
        }
    }
}
