package io.cloudconnector.internal.fleet;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.FleetListener;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.SupportedOsTable;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.FleetPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the EC2 instances of a spec's account: the enabled regions in parallel (a failed region is reported and
 * never hides the others), joined with SSM and with the Arc machines of the spec's resource group.
 */
public final class DiscoveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

    private final AccountPort account;
    private final FleetPort fleet;
    private final ArcPort arc;
    private final Clock clock;
    private final int parallelism;

    /** A service over the given ports, with the system clock and the default parallelism. */
    public DiscoveryService(AccountPort account, FleetPort fleet, ArcPort arc) {
        this(account, fleet, arc, Clock.systemUTC(), RegionFanOut.DEFAULT_PARALLELISM);
    }

    /** A service over the given ports, reading time from {@code clock}, {@code parallelism} regions at once. */
    public DiscoveryService(AccountPort account, FleetPort fleet, ArcPort arc, Clock clock, int parallelism) {
        this.account = account;
        this.fleet = fleet;
        this.arc = arc;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * Discovers the spec's instances. Throws what the account's region list or the Arc machine list throws: without
     * them no region can be chosen and no verdict given.
     */
    public DiscoveryResult discover(ConnectorSpec spec, SupportedOsTable osTable, FleetListener listener) {
        Instant startedAt = clock.instant();
        List<SelectedRegion> selected = RegionSelection.select(spec, account.regions(spec));
        List<ArcMachine> machines = spec.arc().isPresent() ? arc.machines(spec) : List.of();
        FleetJoin join = new FleetJoin(osTable, machines);

        Map<String, RegionOutcome<List<DiscoveredInstance>>> outcomes = RegionFanOut.run(
            RegionSelection.enabled(selected), parallelism, region -> scan(spec, region, join, listener));

        DiscoveryResult.Builder result = DiscoveryResult.builder().awsAccountId(spec.awsAccountId())
            .discoveredAt(startedAt);
        List<RegionDiscovery> regions = new ArrayList<>();
        for (SelectedRegion region : selected) {
            if (!region.enabled()) {
                RegionDiscovery skipped = RegionDiscovery.builder().region(region.region())
                    .status(RegionDiscovery.Status.SKIPPED).cause(region.reason()).build();
                listener.regionDiscovered(skipped);
                regions.add(skipped);
                continue;
            }
            RegionOutcome<List<DiscoveredInstance>> outcome = outcomes.get(region.region());
            if (outcome.succeeded()) {
                regions.add(ok(region.region(), outcome.value().size()));
                result.addAllInstances(outcome.value());
            } else {
                regions.add(failed(region.region(), outcome.cause()));
            }
        }
        DiscoveryResult discovery = result.regions(regions).build();
        LOG.info("Discovered {} EC2 instances of account {} in {} regions ({} failed, {} eligible for Azure Arc)",
            discovery.instances().size(), spec.awsAccountId(), regions.size(), discovery.failedRegions().size(),
            discovery.count(OnboardingVerdict.ELIGIBLE));
        return discovery;
    }

    private List<DiscoveredInstance> scan(ConnectorSpec spec, String region, FleetJoin join, FleetListener listener) {
        try {
            List<DiscoveredInstance> instances = join.join(fleet.instances(spec, region),
                fleet.managedInstances(spec, region));
            listener.regionDiscovered(ok(region, instances.size()));
            return instances;
        } catch (RuntimeException e) {
            listener.regionDiscovered(failed(region, Failures.describe(e)));
            throw e;
        }
    }

    private static RegionDiscovery ok(String region, int instances) {
        return RegionDiscovery.builder().region(region).status(RegionDiscovery.Status.OK).instanceCount(instances)
            .build();
    }

    private static RegionDiscovery failed(String region, String cause) {
        return RegionDiscovery.builder().region(region).status(RegionDiscovery.Status.FAILED).cause(cause).build();
    }
}
