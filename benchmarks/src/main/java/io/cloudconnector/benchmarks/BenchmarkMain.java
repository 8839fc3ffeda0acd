package io.cloudconnector.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every benchmark and prints one table of medians, ratios and verdicts on standard output (progress goes to
 * standard error), and writes it to {@code benchmarks/target/benchmark-results.md}.
 *
 * <p>Usage: {@code BenchmarkMain [--reps N] [--only 1,2,micro]}; {@code benchmarks/run.sh} builds the module and
 * starts it with the class path, the AWS CLI and the JVM settings it needs. Each benchmark starts its own sandbox.
 */
public final class BenchmarkMain {

    private static final int DEFAULT_REPETITIONS = 3;

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        int repetitions = DEFAULT_REPETITIONS;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> repetitions = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::trim)
                    .collect(Collectors.toSet());
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                    + "'; usage: BenchmarkMain [--reps N] [--only 1,2,3,4,5,6,micro]");
            }
        }
        long start = System.nanoTime();
        List<Row> rows = run(repetitions, only);
        String table = table(rows, repetitions, Timing.secondsSince(start));
        System.out.println(table);
        write(table);
        System.exit(rows.stream().anyMatch(row -> row.verdict().equals("FAIL")) ? 1 : 0);
    }

    private static List<Row> run(int repetitions, Set<String> only) {
        List<Row> rows = new ArrayList<>();
        if (selected(only, "1")) {
            rows.add(FindingsOverhead.run(repetitions + 2));
        }
        if (selected(only, "2")) {
            rows.add(PeerExport.run(repetitions));
        }
        if (selected(only, "3")) {
            rows.add(MemoryCount.run());
        }
        if (selected(only, "4")) {
            rows.add(ParallelDiscovery.run(repetitions));
        }
        if (selected(only, "5")) {
            rows.addAll(QuotaUse.run());
        }
        if (selected(only, "6")) {
            rows.add(Onboarding.run(repetitions));
        }
        if (selected(only, "micro")) {
            rows.addAll(MicroFigures.run());
        }
        return rows;
    }

    private static boolean selected(Set<String> only, String name) {
        return only.isEmpty() || only.contains(name);
    }

    static String table(List<Row> rows, int repetitions, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Medians of %d repetitions after a warm-up (findings overhead: %d pairs; "
            + "quota rows: one run each; memory: one child JVM); whole run %.0f s.%n%n", repetitions, repetitions + 2,
            seconds));
        out.append("| benchmark | figure | target | verdict |\n| --- | --- | --- | --- |\n");
        rows.forEach(row -> out.append("| ").append(row.name()).append(" | ").append(row.figure()).append(" | ")
            .append(row.target()).append(" | ").append(row.verdict()).append(" |\n"));
        return out.toString();
    }

    private static void write(String table) {
        Path file = Path.of(System.getProperty("benchmarks.results", "benchmarks/target/benchmark-results.md"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
            Progress.say("table written to %s", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
