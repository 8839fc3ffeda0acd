package io.cloudconnector.internal.accounts;

import io.cloudconnector.AccountReport;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FleetOptions;
import io.cloudconnector.FleetReport;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fleet: every account's steps and the one findings read of the administrator, side by side on one pool,
 * every call held to one {@link CallLimit}; then assembles the {@link FleetReport}. One account's failure is in its
 * report and never stops the others.
 */
public final class FleetRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

    private final AwsSide aws;
    private final AzureSide azure;
    private final Clock clock;

    /** A runner over the given sides, which it neither owns nor closes, timing with {@code clock}. */
    public FleetRunner(AwsSide aws, AzureSide azure, Clock clock) {
        this.aws = aws;
        this.azure = azure;
        this.clock = clock;
    }

    /** Runs every account of {@code plan} and reads the findings once, at most the options' limit of calls at once. */
    public FleetReport run(FleetPlan plan, FleetOptions options) {
        Instant startedAt = clock.instant();
        CallLimit limit = new CallLimit(options.maxConcurrentCalls());
        ConnectorClient client = ConnectorClient.of(limit.aws(aws), limit.azure(azure));
        List<ConnectorSpec> specs = plan.specs();
        LOG.info("Running {} AWS accounts of Security Hub administrator {}, at most {} calls at once", specs.size(),
            plan.administrator().awsAccountId(), limit.max());

        int threads = Math.min(limit.max(), specs.size()) + (options.readFindings() ? 1 : 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            // The findings read is long (Security Hub paces GetFindings), so it starts first and overlaps the accounts.
            Optional<Future<FindingsByAccount.Counted>> findings = options.readFindings()
                ? Optional.of(pool.submit(() -> FindingsByAccount.read(client, plan.administrator(),
                    options.findingQuery())))
                : Optional.empty();
            List<Future<AccountReport>> runs = new ArrayList<>();
            specs.forEach(spec -> runs.add(pool.submit(() -> new AccountSteps(client, spec, options, clock).run())));

            List<AccountReport> reports = new ArrayList<>();
            for (Future<AccountReport> run : runs) {
                reports.add(await(run));
            }
            Optional<FindingsByAccount.Counted> counted = findings.map(FleetRunner::awaitFindings);
            return assemble(plan, reports, counted, limit, startedAt);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The report of accounts run elsewhere: the findings are read once now, through the sides, at most the options'
     * limit of calls at once.
     */
    public FleetReport report(FleetPlan plan, List<AccountReport> reports, FleetOptions options) {
        Instant startedAt = clock.instant();
        CallLimit limit = new CallLimit(options.maxConcurrentCalls());
        Optional<FindingsByAccount.Counted> counted = options.readFindings()
            ? Optional.of(FindingsByAccount.read(ConnectorClient.of(limit.aws(aws), limit.azure(azure)),
                plan.administrator(), options.findingQuery()))
            : Optional.empty();
        return assemble(plan, reports, counted, limit, startedAt);
    }

    private FleetReport assemble(FleetPlan plan, List<AccountReport> reports,
        Optional<FindingsByAccount.Counted> findings, CallLimit limit, Instant startedAt) {
        FleetReport report = FleetReport.builder()
            .administratorAccountId(plan.administrator().awsAccountId())
            .accounts(reports)
            .excludedMembers(plan.excluded())
            .findingsRead(findings.isPresent())
            .findingsByAccount(findings.map(FindingsByAccount.Counted::byAccount).orElse(Map.of()))
            .findingsFailure(findings.flatMap(FindingsByAccount.Counted::failure))
            .findingsFailedRegions(findings.map(FindingsByAccount.Counted::failedRegions).orElse(Map.of()))
            .maxConcurrentCalls(limit.max())
            .peakConcurrentCalls(limit.peak())
            .startedAt(startedAt)
            .duration(Duration.between(startedAt, clock.instant()))
            .build();
        LOG.info("Fleet of administrator {}: {} accounts, {} failed, {} not ready, in {} (peak of {} calls at once)",
            report.administratorAccountId(), reports.size(), report.accounts(AccountReport.Outcome.FAILED).size(),
            report.accounts(AccountReport.Outcome.NOT_READY).size(), report.duration(), report.peakConcurrentCalls());
        return report;
    }

    private static AccountReport await(Future<AccountReport> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new ConnectorException("An account's run broke down: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for the accounts of the fleet", e);
        }
    }

    private static FindingsByAccount.Counted awaitFindings(Future<FindingsByAccount.Counted> findings) {
        try {
            return findings.get();
        } catch (ExecutionException e) {
            String cause = e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage();
            LOG.warn("Reading the fleet's findings broke down: {}", cause);
            return new FindingsByAccount.Counted(Map.of(), Optional.of(cause), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for the fleet's findings", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "connector-account-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
