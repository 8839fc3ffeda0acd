package io.cloudconnector.spi;

/**
 * Everything the SDK asks of Azure Resource Manager, grouped by capability. Implementations are thread-safe.
 * {@link #close()} releases the HTTP clients.
 */
public interface AzureSide extends AutoCloseable {

    /** The connector resource, both generations, and resource provider registration. */
    ConnectorPort connectors();

    /** Azure Arc machines ({@code Microsoft.HybridCompute/machines}). */
    ArcPort arc();

    /** Custom assessments and their metadata ({@code Microsoft.Security/assessments}). */
    AssessmentPort assessments();

    /** Releases the clients; calls after it fail. */
    @Override
    void close();
}
