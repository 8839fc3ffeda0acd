package io.cloudconnector.internal.provisioning;

import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;

/** An Azure side that cannot provision (the default {@code azureProvisioning()}) and refuses every other port too. */
class NoAzure implements AzureSide {

    @Override
    public ConnectorPort connectors() {
        throw new UnsupportedOperationException("not used by provisioning without a service principal");
    }

    @Override
    public ArcPort arc() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public AssessmentPort assessments() {
        throw new UnsupportedOperationException("not used by provisioning");
    }

    @Override
    public void close() {
    }
}
