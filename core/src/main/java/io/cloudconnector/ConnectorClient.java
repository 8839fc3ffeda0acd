package io.cloudconnector;

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
