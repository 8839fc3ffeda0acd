package io.cloudconnector.internal.readiness;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.SecurityHubFacts;
import java.util.List;
import java.util.stream.Stream;

/**
 * The facts of one region, each gathered on its own: a failure of one (such as a missing permission for Security
 * Hub) leaves the others intact.
 */
record RegionFacts(String region, Gathered<ConfigRecorderFacts> config, Gathered<SecurityHubFacts> securityHub,
    Gathered<SsmFleet> fleet) {

    /** Asks the AWS side for every fact of {@code region}, one after the other; never throws. */
    static RegionFacts gather(AwsSide aws, ConnectorSpec spec, String region) {
        return new RegionFacts(region,
            Gathered.of(() -> aws.account().configRecorder(spec, region)),
            Gathered.of(() -> aws.account().securityHub(spec, region)),
            Gathered.of(() -> SsmFleet.of(aws.fleet(), spec, region)));
    }

    /** A region none of whose facts could be gathered, for {@code failure}. */
    static RegionFacts failed(String region, RuntimeException failure) {
        return new RegionFacts(region, Gathered.failed(failure), Gathered.failed(failure), Gathered.failed(failure));
    }

    /** Why facts are missing, once per distinct cause. */
    List<String> errors() {
        return Stream.of(config, securityHub, fleet).filter(fact -> !fact.ok()).map(Gathered::cause).distinct()
            .toList();
    }
}
