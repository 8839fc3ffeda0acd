package io.cloudconnector.aws;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.SecurityHubFacts;
import java.util.List;
import java.util.Optional;

/**
 * A client whose fleet is the real {@link AwsAdapter}, and whose account regions and Arc machines are fixed: the
 * account and Azure sides are built elsewhere, and fleet tests need only these two facts from them.
 */
final class FleetSides {

    private FleetSides() {
    }

    static ConnectorClient client(AwsAdapter adapter, List<String> regions, List<ArcMachine> machines) {
        AccountPort account = new RegionsOnly(regions);
        ArcPort arc = spec -> machines;
        return ConnectorClient.of(new AwsSide() {
            @Override
            public AccountPort account() {
                return account;
            }

            @Override
            public FleetPort fleet() {
                return adapter.fleet();
            }

            @Override
            public FindingsPort findings() {
                throw new UnsupportedOperationException("not a fleet port");
            }

            @Override
            public void close() {
                adapter.close();
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

    /** The account's regions, all enabled; nothing else. */
    private record RegionsOnly(List<String> regions) implements AccountPort {

        @Override
        public List<RegionInfo> regions(ConnectorSpec spec) {
            return regions.stream().map(region -> RegionInfo.of(region, "opt-in-not-required")).toList();
        }

        @Override
        public CallerIdentity callerIdentity(ConnectorSpec spec) {
            throw new UnsupportedOperationException("not a fleet fact");
        }

        @Override
        public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
            throw new UnsupportedOperationException("not a fleet fact");
        }

        @Override
        public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
            throw new UnsupportedOperationException("not a fleet fact");
        }

        @Override
        public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
            throw new UnsupportedOperationException("not a fleet fact");
        }

        @Override
        public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
            throw new UnsupportedOperationException("not a fleet fact");
        }
    }
}
