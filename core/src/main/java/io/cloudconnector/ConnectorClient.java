package io.cloudconnector;

import io.cloudconnector.internal.ConnectorService;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.util.List;
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
     * Makes the spec's connector resource exist in Azure with the spec's settings, with the default options: an
     * existing connector keeps its secrets, and unregistered resource providers are reported, not registered.
     *
     * @see #connect(ConnectorSpec, ConnectOptions)
     */
    public ConnectResult connect(ConnectorSpec spec) {
        return connect(spec, ConnectOptions.defaults());
    }

    /**
     * Makes the spec's connector resource exist in Azure with the spec's settings. Idempotent: the connector is read
     * first and written only when it is missing, a setting differs, or {@link ConnectOptions#rotateCredentials()}
     * asks for it. Secrets cannot be compared (Azure never returns them), so an existing connector whose other settings
     * match keeps its secrets; any write carries the spec's secrets. Before a write, the resource providers the
     * connector needs are checked, and registered when {@link ConnectOptions#registerProviders()} is set.
     *
     * @throws InvalidSpecException when the spec cannot be expressed in its generation (the current generation needs
     *     assume-role authentication and Arc settings)
     * @throws NotReadyException when a write is needed and a resource provider it needs is not registered
     * @throws CloudServiceException when Azure answers with an error ({@link AccessDeniedException} for a missing
     *     permission, {@link ThrottledException} when throttling outlasts the retries)
     */
    public ConnectResult connect(ConnectorSpec spec, ConnectOptions options) {
        return connectors().connect(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(options, "options"));
    }

    /**
     * The spec's connector as Azure reports it: provisioning states with explanations, granted permissions, Arc
     * settings without secrets. A missing connector is a status with {@link ConnectorStatus#exists()} false.
     *
     * @throws CloudServiceException when Azure answers with an error
     */
    public ConnectorStatus status(ConnectorSpec spec) {
        return connectors().status(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Every AWS connector of both generations in the subscription, classic ones first; connectors of other clouds
     * are left out.
     *
     * @throws CloudServiceException when Azure answers with an error
     */
    public List<ConnectorStatus> list(String subscriptionId) {
        return connectors().list(Objects.requireNonNull(subscriptionId, "subscriptionId"));
    }

    /**
     * Deletes the spec's connector resource. A connector that does not exist is not an error.
     *
     * @return true when a connector was deleted, false when there was none
     * @throws CloudServiceException when Azure answers with an error
     */
    public boolean disconnect(ConnectorSpec spec) {
        return connectors().disconnect(Objects.requireNonNull(spec, "spec"));
    }

    private ConnectorService connectors() {
        return new ConnectorService(azure.connectors());
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
