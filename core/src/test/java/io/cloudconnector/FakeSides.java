package io.cloudconnector;

import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;

/** AWS and Azure sides over fake ports; only what fleet work needs is there. */
final class FakeSides {

    private FakeSides() {
    }

    static ConnectorClient client(AccountPort account, FleetPort fleet, ArcPort arc) {
        return ConnectorClient.of(new AwsSide() {
            @Override
            public AccountPort account() {
                return account;
            }

            @Override
            public FleetPort fleet() {
                return fleet;
            }

            @Override
            public FindingsPort findings() {
                throw new UnsupportedOperationException("not a fleet port");
            }

            @Override
            public void close() {
            }
        }, new AzureSide() {
            @Override
            public ConnectorPort connectors() {
                throw new UnsupportedOperationException("not a fleet port");
            }

            @Override
            public ArcPort arc() {
                return arc;
            }

            @Override
            public AssessmentPort assessments() {
                throw new UnsupportedOperationException("not a fleet port");
            }

            @Override
            public void close() {
            }
        });
    }
}
