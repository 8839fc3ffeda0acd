package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.FleetListener;
import io.cloudconnector.OnboardingOptions;
import io.cloudconnector.OnboardingResult;
import io.cloudconnector.OnboardingStatus;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.SentCommand;
import io.cloudconnector.testkit.CloudSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Target 6: onboarding 500 eligible Linux instances of one region, each SSM invocation running for a set time in
 * the sandbox. The slowest invocation ends its run time after the last SendCommand; the onboarding should be done
 * within two polling intervals of that. A fresh sandbox per repetition, so every instance is eligible again.
 */
final class Onboarding {

    private static final int INSTANCES = 500;
    private static final int MAX_COMMANDS = 10;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration RUN_TIME = Duration.ofSeconds(5);
    private static final String REGION = "us-east-1";

    private Onboarding() {
    }

    /** One onboarding: its wall time, when the slowest invocation ended, and the SendCommand calls. */
    private record Run(double seconds, double slowestInvocation, long sendCommands) {
    }

    static Row run(int repetitions) {
        List<Double> overshoot = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        long commands = 0;
        for (int i = 0; i < repetitions; i++) {
            Run run = onboard();
            overshoot.add(run.seconds() - run.slowestInvocation());
            totals.add(run.seconds());
            commands = Math.max(commands, run.sendCommands());
            Progress.say("onboarding %d/%d: %.1f s, slowest invocation done at %.1f s, %d SendCommand calls", i + 1,
                repetitions, run.seconds(), run.slowestInvocation(), run.sendCommands());
        }
        double after = Timing.median(overshoot);
        double allowed = 2 * POLL_INTERVAL.toMillis() / 1000.0;
        return Row.judged("6. Onboarding: 500 eligible Linux instances, one region", String.format(Locale.ROOT,
            "%d SendCommand; done %.1f s after the slowest invocation (total %.1f s; poll every %d s, each "
            + "invocation runs %d s)", commands, after, Timing.median(totals), POLL_INTERVAL.toSeconds(),
            RUN_TIME.toSeconds()), String.format(Locale.ROOT, "<= %d SendCommand; <= %.0f s (2 polls) after the "
            + "slowest", MAX_COMMANDS, allowed), commands <= MAX_COMMANDS && after <= allowed);
    }

    private static Run onboard() {
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.fleet(List.of(REGION), INSTANCES))
                .invocationRunTime(RUN_TIME).start();
             ConnectorClient sdk = Clients.sdk(sandbox, Clients.UNPACED)) {
            ConnectorSpec spec = Seeds.spec(sandbox, List.of(REGION));
            DiscoveryResult discovery = sdk.discover(spec);
            if (discovery.count(OnboardingVerdict.ELIGIBLE) != INSTANCES) {
                throw new IllegalStateException(discovery.count(OnboardingVerdict.ELIGIBLE) + " instances eligible, "
                    + "expected " + INSTANCES);
            }
            sandbox.resetStats();
            AtomicLong lastSent = new AtomicLong();
            long start = System.nanoTime();
            OnboardingResult result = sdk.onboard(spec, discovery, OnboardingOptions.builder()
                .pollInterval(POLL_INTERVAL).build(), new FleetListener() {
                    @Override
                    public void batchSent(SentCommand command) {
                        lastSent.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                });
            double seconds = Timing.secondsSince(start);
            long succeeded = result.instances().stream().filter(i -> i.status() == OnboardingStatus.SUCCEEDED)
                .count();
            if (succeeded != INSTANCES) {
                throw new IllegalStateException(succeeded + " instances onboarded, expected " + INSTANCES);
            }
            double slowest = (lastSent.get() - start) / 1e9 + RUN_TIME.toMillis() / 1000.0;
            return new Run(seconds, slowest, sandbox.stats().requests("ssm:SendCommand"));
        }
    }
}
