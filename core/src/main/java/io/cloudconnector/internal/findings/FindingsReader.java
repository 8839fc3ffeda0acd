package io.cloudconnector.internal.findings;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsCursor;
import io.cloudconnector.FindingsListener;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.FindingsPort;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans which regions to read for a spec and reads them as a lazy stream or page by page. */
final class FindingsReader {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsReader.class);

    private final AccountPort account;
    private final FindingsPort port;
    private final int parallelism;

    /**
     * @param parallelism how many region reads a stream fetches at once; 1 reads them one after the other
     */
    FindingsReader(AccountPort account, FindingsPort port, int parallelism) {
        this.account = account;
        this.port = port;
        this.parallelism = parallelism;
    }

    /**
     * The spec's regions and the reads that cover the enabled ones. Calls {@code DescribeRegions} and asks the first
     * enabled region for the account's finding aggregator; when that question fails, every region is read by itself
     * (each filtered on its own name, so nothing is counted twice either way).
     *
     * @throws ConnectorException when the regions cannot be listed
     */
    FindingsPlan plan(ConnectorSpec spec) {
        List<SelectedRegion> selected = RegionSelection.select(spec, account.regions(spec));
        List<String> enabled = RegionSelection.enabled(selected);
        Optional<AggregatorFacts> aggregator = enabled.isEmpty() ? Optional.empty() : aggregator(spec, enabled.get(0));
        return new FindingsPlan(selected, ReadPlan.of(enabled, aggregator));
    }

    /**
     * The findings of every read of {@code plan}, fetched as consumed. With a parallelism above 1 the reads run side
     * by side with their pages interleaved, each reading a page ahead of the consumer, so that fetching overlaps with
     * consuming ({@link ParallelReads}); with 1, one read after the other, each page fetched when it is asked for.
     */
    Stream<Finding> stream(ConnectorSpec spec, FindingsPlan plan, FindingQuery query, FindingsListener listener) {
        if (parallelism > 1) {
            ParallelReads findings = new ParallelReads(plan.reads(),
                (read, readListener) -> pager(spec, read, query, Optional.empty(), readListener), listener,
                parallelism);
            return StreamSupport.stream(findings, false).onClose(findings::close);
        }
        FindingsSpliterator findings = new FindingsSpliterator(plan.reads(),
            read -> pager(spec, read, query, Optional.empty(), listener), listener);
        return StreamSupport.stream(findings, false).onClose(findings::close);
    }

    /** A page-by-page reader of one read, starting after {@code start}. */
    RegionPager pager(ConnectorSpec spec, RegionRead read, FindingQuery query, Optional<FindingsCursor> start,
        FindingsListener listener) {
        return new RegionPager(port, spec, read, query, start, listener);
    }

    private Optional<AggregatorFacts> aggregator(ConnectorSpec spec, String region) {
        try {
            Optional<AggregatorFacts> aggregator = port.findingAggregator(spec, region);
            aggregator.ifPresent(facts -> LOG.info("Account {} aggregates findings in {} ({})", spec.awsAccountId(),
                facts.homeRegion(), facts.linkingMode()));
            return aggregator;
        } catch (ConnectorException e) {
            LOG.warn("Could not ask account {} for its finding aggregator in {}; reading every region by itself: {}",
                spec.awsAccountId(), region, e.getMessage());
            return Optional.empty();
        }
    }
}
