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

    /**
     * Microsoft Entra (application, service principal, client secret), resource groups and role assignments, for
     * {@link io.cloudconnector.ConnectorClient#plan(io.cloudconnector.ConnectorSpec,
     * io.cloudconnector.ProvisioningOptions) provisioning} the service principal of Arc onboarding.
     *
     * @throws UnsupportedOperationException when this Azure side cannot provision (the default)
     */
    default AzureProvisioningPort azureProvisioning() {
        throw new UnsupportedOperationException("This Azure side cannot provision: " + getClass().getName()
            + " does not implement AzureSide.azureProvisioning()");
    }

    /** Releases the clients; calls after it fail. */
    @Override
    void close();
}
