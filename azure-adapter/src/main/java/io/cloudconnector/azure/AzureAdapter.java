package io.cloudconnector.azure;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import java.util.Objects;

/** The Azure side of a {@link io.cloudconnector.ConnectorClient}, over azure-core's HTTP pipeline. */
public final class AzureAdapter implements AzureSide {

    private final CloudEndpoints endpoints;

    private AzureAdapter(CloudEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** An adapter whose calls go to {@code endpoints}. */
    public static AzureAdapter create(CloudEndpoints endpoints) {
        return new AzureAdapter(Objects.requireNonNull(endpoints, "endpoints"));
    }

    @Override
    public ConnectorPort connectors() {
        throw new UnsupportedOperationException("connectors are not implemented yet: " + endpoints.arm());
    }

    @Override
    public ArcPort arc() {
        throw new UnsupportedOperationException("Arc machines are not implemented yet");
    }

    @Override
    public AssessmentPort assessments() {
        throw new UnsupportedOperationException("assessments are not implemented yet");
    }

    @Override
    public void close() {
    }
}
