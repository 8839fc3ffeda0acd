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

    /** Releases the clients; calls after it fail. */
    @Override
    void close();
}
