package io.cloudconnector.examples;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorScheduler;
import io.cloudconnector.ExportOptions;
import io.cloudconnector.ExportResult;
import io.cloudconnector.FileCheckpointStore;
import io.cloudconnector.FleetListener;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.ScheduledRun;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps an account in sync: every rescan interval of the spec (6 hours by default) it discovers EC2 instances,
 * onboards the eligible ones to Azure Arc, then exports the Security Hub findings that changed since the last run to
 * Defender for Cloud, resuming from a checkpoint kept on disk. Ctrl-C stops it cleanly, letting a run in flight end.
 *
 * <p>Usage: {@code ContinuousSync [--spec spec.json] [--checkpoints dir] [--runs N]}. Without {@code --spec} it runs
 * against the local sandbox; {@code --runs} stops it after N runs (without it, it runs until stopped).
 */
public final class ContinuousSync {

    private static final Path DEFAULT_CHECKPOINTS = Path.of(".connector-checkpoints");

    private ContinuousSync() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until {@code --runs} runs are done or the JVM is asked to stop. */
    static int run(String[] args, PrintStream out) {
        ExampleArguments arguments;
        int runs;
        try {
            arguments = ExampleArguments.parse(args, Set.of("spec", "checkpoints", "runs"), Set.of());
            runs = arguments.option("runs").map(ContinuousSync::runs).orElse(Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            out.println("Usage: ContinuousSync [--spec spec.json] [--checkpoints dir] [--runs N]: " + e.getMessage());
            return OnboardAwsAccount.FAILED;
        }
        try (ExampleEnvironment environment = ExampleEnvironment.open(arguments.path("spec"))) {
            out.println(environment.describe());
            CountDownLatch done = new CountDownLatch(runs == Integer.MAX_VALUE ? 1 : runs);
            ExportOptions export = ExportOptions.of(FileCheckpointStore.in(
                arguments.path("checkpoints").orElse(DEFAULT_CHECKPOINTS)));
            try (ConnectorScheduler scheduler = environment.client().scheduler(environment.spec())
                .listener(new SyncListener(environment, export, out, done))
                .options(environment.isSandbox()
                    ? OnboardingOptions.builder().pollInterval(ExampleEnvironment.SANDBOX_POLL_INTERVAL).build()
                    : OnboardingOptions.defaults())
                .start()) {
                Thread stopper = new Thread(() -> stop(scheduler, out), "connector-sync-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                out.println("Rescanning every " + environment.spec().rescanInterval() + "; Ctrl-C stops.");
                awaitQuietly(done);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
            return 0;
        } catch (ConnectorException | UncheckedIOException e) {
            out.println("Failed: " + ExampleEnvironment.describe(e));
            return OnboardAwsAccount.FAILED;
        }
    }

    private static int runs(String value) {
        try {
            int runs = Integer.parseInt(value);
            if (runs >= 1) {
                return runs;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--runs must be a whole number of at least 1, was '" + value + "'", e);
        }
        throw new IllegalArgumentException("--runs must be a whole number of at least 1, was '" + value + "'");
    }

    private static void stop(ConnectorScheduler scheduler, PrintStream out) {
        out.println("Stopping: waiting for the run in flight to end.");
        scheduler.close();
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After each run: prints it and exports the findings that changed. */
    private static final class SyncListener implements FleetListener {

        private final ExampleEnvironment environment;
        private final ExportOptions export;
        private final PrintStream out;
        private final CountDownLatch done;
        private final AtomicInteger exports = new AtomicInteger();

        SyncListener(ExampleEnvironment environment, ExportOptions export, PrintStream out, CountDownLatch done) {
            this.environment = environment;
            this.export = export;
            this.out = out;
            this.done = done;
        }

        @Override
        public void runFinished(ScheduledRun run) {
            out.printf("Run %d: %s; %d instances discovered, %d onboarded%n", run.runNumber(),
                run.failure().orElse("succeeded"),
                run.discovery().map(discovery -> discovery.instances().size()).orElse(0),
                run.onboarding().map(onboarding -> onboarding.succeededCount()).orElse(0));
            try {
                ExportResult result = environment.client().exportFindings(environment.spec(), export);
                out.printf("Export %d: %d findings, %d assessments and %d metadata written%s%n",
                    exports.incrementAndGet(), result.findingsExported(), result.assessmentsWritten(),
                    result.metadataWritten(), result.complete() ? "" : " (some regions failed; retried next run)");
            } catch (ConnectorException e) {
                out.println("Export failed, retried next run: " + e.getMessage());
            }
            done.countDown();
        }
    }
}
