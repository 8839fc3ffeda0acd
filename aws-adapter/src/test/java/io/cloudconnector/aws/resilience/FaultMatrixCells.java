package io.cloudconnector.aws.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.InjectedFault;
import io.cloudconnector.testkit.SandboxSeed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs rows of the fault matrix against a sandbox of its own: each cell injects one fault on one operation and runs
 * the operation's probe through the real adapters. It must either come back with the data of a run without the fault,
 * or fail with a {@link ConnectorException} naming the operation, its region and the cause; within the policy's budget
 * either way, and the fault must have fired. The cells go to {@link FaultMatrix#CELLS}, the table to
 * {@link FaultMatrix#TABLE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultMatrixCells {

    private final Map<String, Object> baseline = new HashMap<>();
    private CloudSandbox sandbox;
    private MatrixEnv env;
    private MatrixEnv shortBudget;

    /** The rows this class runs. */
    abstract List<Probe> probes();

    /** Makes what the probes read exist, before the data without faults is taken. */
    void prepare(MatrixEnv env) {
    }

    @BeforeAll
    void start() {
        sandbox = CloudSandbox.builder().seed(withAggregator(SandboxSeed.defaultSeed())).withoutQuota().start();
        env = MatrixEnv.open(sandbox, FaultMatrix.policy(FaultMatrix.BUDGET));
        shortBudget = MatrixEnv.open(sandbox, FaultMatrix.policy(FaultMatrix.SHORT_BUDGET));
        prepare(env);
        for (Probe probe : probes()) {
            baseline.put(probe.operation(), probe.run().apply(env));
        }
    }

    @AfterAll
    void stop() {
        try {
            FaultMatrix.CELLS.write();
            assertThat(FaultMatrix.CELLS.missing(probes())).as("cells not run").isEmpty();
        } finally {
            env.close();
            shortBudget.close();
            sandbox.close();
        }
    }

    Stream<Arguments> cells() {
        return probes().stream().flatMap(probe -> Stream.of(Fault.values()).map(fault -> Arguments.of(probe,
            fault)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void cell_faultInjected_sameDataOrAClearErrorWithinTheBudget(Probe probe, Fault fault) throws Exception {
        MatrixEnv target = fault == Fault.THROTTLED_ALWAYS ? shortBudget : env;
        sandbox.clearFaults();
        InjectedFault injected = sandbox.inject(fault.on(probe.operation(), probe.region()));
        long start = System.nanoTime();
        Object data = null;
        ConnectorException error = null;
        try {
            data = probe.run().apply(target);
        } catch (ConnectorException e) {
            error = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int fired = injected.fired();
        sandbox.clearFaults();
        awaitSlowWrite(probe, fault, took);
        FaultMatrix.CELLS.record(probe, fault, error == null ? "retried (" + (fired + 1) + " attempts)"
            : "error: " + error.getClass().getSimpleName() + (probe.sentOnce() ? ", not resent" : ""));

        assertThat(fired).as("the fault fired").isPositive();
        assertThat(took).as("within the budget").isLessThan(target.policy().callBudget()
            .plus(target.policy().callTimeout()).plus(FaultMatrix.SLACK));
        if (probe.recovers(fault)) {
            assertThat(error).as("no error").isNull();
            assertThat(data).as("the data of a run without the fault").isEqualTo(baseline.get(probe.operation()));
        } else {
            assertThat(error).as("a clear error").isNotNull();
            String message = error.getMessage();
            assertThat(message).contains(probe.named());
            probe.region().ifPresent(region -> assertThat(message).contains(region));
            assertThat(fault.namedIn(message)).as("the cause in: " + message).isTrue();
            assertThat(error.operation()).contains(probe.named());
        }
    }

    /** A write answered late still runs when its answer comes: let it, before the next cell reads. */
    private static void awaitSlowWrite(Probe probe, Fault fault, Duration took) throws InterruptedException {
        if (probe.writes() && fault == Fault.SLOW_ANSWER) {
            Thread.sleep(Math.max(0, Fault.SLOW.plusMillis(100).minus(took).toMillis()));
        }
    }

    /** The default seed with a finding aggregator in us-east-1 linking eu-west-1. */
    static SandboxSeed withAggregator(SandboxSeed seed) {
        return new SandboxSeed(seed.accountId(), seed.callerUserName(), seed.regions(), seed.specRegions(),
            seed.connectorRoleName(), seed.onboardingUserName(), seed.roles(), seed.users(), seed.instances(),
            seed.standards(), seed.findings(), Optional.of(new SandboxSeed.Aggregator(Probe.HOME,
                "SPECIFIED_REGIONS", List.of(Probe.REGION))), seed.memberAccountIds(), seed.azure());
    }
}
