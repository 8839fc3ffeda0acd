package io.cloudconnector.spi;

/**
 * Everything the SDK asks of AWS, grouped by capability. Implementations are thread-safe: core calls them from several
 * threads at once, one region per thread. {@link #close()} releases the HTTP clients.
 */
public interface AwsSide extends AutoCloseable {

    /** Identity, regions, IAM, and the per-region state of AWS Config and Security Hub. */
    AccountPort account();

    /** EC2 instances, their SSM status, and SSM Run Command. */
    FleetPort fleet();

    /** Security Hub findings, standards and controls. */
    FindingsPort findings();

    /**
     * The facts and writes that prepare the account for the connector ({@code ConnectorClient.plan} and
     * {@code apply}). Every call is made with the side's own (administrative) identity, not the spec's: the spec's
     * role or user may not exist yet, and it would lack the permissions to create anything.
     *
     * @throws UnsupportedOperationException by default: an AWS side that does not override this cannot provision
     */
    default ProvisioningPort provisioning() {
        throw new UnsupportedOperationException("This AWS side cannot provision: " + getClass().getName()
            + " does not implement AwsSide.provisioning()");
    }

    /** Releases the clients; calls after it fail. */
    @Override
    void close();
}
