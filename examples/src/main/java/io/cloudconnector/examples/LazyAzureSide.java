package io.cloudconnector.examples;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;

/**
 * The Azure side, created on first use: an example that only reads AWS (exporting findings) never pays for starting
 * the Azure clients, which costs most of a second of a short program's start. Thread-safe.
 */
final class LazyAzureSide implements AzureSide {

    private final CloudEndpoints endpoints;
    private AzureAdapter adapter;
    private boolean closed;

    LazyAzureSide(CloudEndpoints endpoints) {
        this.endpoints = endpoints;
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
            adapter = AzureAdapter.create(endpoints);
        }
        return adapter;
    }
}
