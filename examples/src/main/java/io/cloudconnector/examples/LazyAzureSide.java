package io.cloudconnector.examples;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import java.time.Duration;

/**
 * The Azure side, created on first use: an example that only reads AWS (exporting findings) never pays for starting
 * the Azure clients, which costs most of a second of a short program's start. Every capability, provisioning
 * included, is the {@link AzureAdapter}'s. Thread-safe.
 */
final class LazyAzureSide implements AzureSide {

    private final CloudEndpoints endpoints;
    private final Duration pollInterval;
    private AzureAdapter adapter;
    private boolean closed;

    /** The Azure side of {@code endpoints}, polling long-running operations every {@code pollInterval}. */
    LazyAzureSide(CloudEndpoints endpoints, Duration pollInterval) {
        this.endpoints = endpoints;
        this.pollInterval = pollInterval;
    }

    @Override
    public ConnectorPort connectors() {
        return adapter().connectors();
    }

    @Override
    public ArcPort arc() {
        return adapter().arc();
    }

    @Override
    public AssessmentPort assessments() {
        return adapter().assessments();
    }

    @Override
    public AzureProvisioningPort azureProvisioning() {
        return adapter().azureProvisioning();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (adapter != null) {
            adapter.close();
        }
    }

    private synchronized AzureAdapter adapter() {
        if (closed) {
            throw new IllegalStateException("the Azure side is closed");
        }
        if (adapter == null) {
            adapter = AzureAdapter.builder().endpoints(endpoints).pollInterval(pollInterval).build();
        }
        return adapter;
    }
}
