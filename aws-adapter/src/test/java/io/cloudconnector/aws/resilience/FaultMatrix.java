package io.cloudconnector.aws.resilience;

import io.cloudconnector.ResiliencePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fault matrix's policy, its cells as they are run (by the AWS and the ARM test classes), and the table they
 * make. Thread-safe.
 */
final class FaultMatrix {

    /** The one matrix both test classes fill. */
    static final FaultMatrix CELLS = new FaultMatrix();
    /** Where the table goes. */
    static final Path TABLE = Path.of("target", "fault-matrix.md");

    /** Each attempt's timeout: a slow answer comes three times later. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(300);
    /** Each SDK call's timeout. */
    static final Duration CALL_TIMEOUT = Duration.ofMillis(700);
    /** The budget of a call. */
    static final Duration BUDGET = Duration.ofMillis(2_500);
    /** The budget of the "throttled until the budget ends" column, shorter than ARM's {@code Retry-After: 1}. */
    static final Duration SHORT_BUDGET = Duration.ofMillis(900);
    /** What a loaded build machine may add to a cell's time. */
    static final Duration SLACK = Duration.ofSeconds(2);

    private final Map<String, Map<Fault, String>> cells = new LinkedHashMap<>();

    private FaultMatrix() {
    }

    /** The matrix's policy: 4 attempts, waits of at most 20 ms, no circuit breaking, no rate limit in the way. */
    static ResiliencePolicy policy(Duration budget) {
        return ResiliencePolicy.builder().maxAttempts(4).callBudget(budget).attemptTimeout(ATTEMPT_TIMEOUT)
            .callTimeout(CALL_TIMEOUT).baseBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
            .failureThreshold(1_000).securityHubGetFindingsPerSecond(1_000).securityHubPerSecond(1_000)
            .armReadsPerSecond(1_000).armWritesPerSecond(1_000).build();
    }

    synchronized void record(Probe probe, Fault fault, String outcome) {
        cells.computeIfAbsent(probe.operation(), key -> new EnumMap<>(Fault.class)).put(fault, outcome);
    }

    /** The cells not run yet. */
    synchronized List<String> missing(List<Probe> probes) {
        return probes.stream().flatMap(probe -> Arrays.stream(Fault.values())
            .filter(fault -> !cells.getOrDefault(probe.operation(), Map.of()).containsKey(fault))
            .map(fault -> probe.operation() + " / " + fault.title())).toList();
    }

    /** The matrix as a Markdown table, operations down (in the order of {@link Probe#all()}), faults across. */
    synchronized String render() {
        StringBuilder table = new StringBuilder();
        table.append("| operation | ").append(Arrays.stream(Fault.values()).map(Fault::title)
            .collect(Collectors.joining(" | "))).append(" |\n");
        table.append("|---|").append("---|".repeat(Fault.values().length)).append('\n');
        Probe.all().stream().map(Probe::operation).filter(cells::containsKey).forEach(operation -> table
            .append("| `").append(operation).append("` | ").append(Arrays.stream(Fault.values())
                .map(fault -> cells.get(operation).getOrDefault(fault, "not run")).collect(Collectors.joining(" | ")))
            .append(" |\n"));
        table.append('\n').append("Each cell runs the real adapters against the sandbox, the fault injected on that "
            + "operation (once, or on every call in the second column). _retried (n attempts)_: the call came back "
            + "with the same data as a run without the fault. _error_: a ConnectorException naming the operation, "
            + "its region and the cause, within the budget. _not resent_: `ssm:SendCommand` is sent again only when "
            + "AWS said it did not run it (throttling, 503), never after a fault it may have run it through. Policy: "
            + "4 attempts, " + ATTEMPT_TIMEOUT.toMillis() + " ms per attempt, " + CALL_TIMEOUT.toMillis()
            + " ms per SDK call, waits of 0 to 20 ms (full jitter) or as long as ARM's `Retry-After` asks (1 s), "
            + "a budget of " + BUDGET.toMillis() + " ms per call; " + SHORT_BUDGET.toMillis() + " ms in the "
            + "second column, where AWS calls spend their 4 attempts and ARM calls stop at once because the 1 s "
            + "ARM asks for does not fit. A slow answer comes " + Fault.SLOW.toMillis() + " ms late.\n");
        return table.toString();
    }

    /** Writes the table as it stands to {@link #TABLE}. */
    synchronized void write() {
        try {
            Files.createDirectories(TABLE.getParent());
            Files.writeString(TABLE, render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
