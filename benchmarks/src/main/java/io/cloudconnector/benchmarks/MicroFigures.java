package io.cloudconnector.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link FindingsMicroBenchmark} with JMH (one fork, short iterations) and turns it into a table row. */
final class MicroFigures {

    private MicroFigures() {
    }

    static List<Row> run() {
        Progress.say("micro: JMH, one fork, 3 x 1 s warm-up and 5 x 1 s measurement per benchmark");
        Options options = new OptionsBuilder().include(FindingsMicroBenchmark.class.getName()).forks(1)
            .warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
            .measurementTime(TimeValue.seconds(1)).timeUnit(TimeUnit.MICROSECONDS)
            .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn").verbosity(VerboseMode.SILENT).build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        double unmarshal = score(results, "awsSdkUnmarshalPage");
        double mapping = score(results, "sdkMapPage");
        Progress.say("micro: AWS SDK %.0f us per page, SDK mapping %.0f us per page", unmarshal, mapping);
        return List.of(Row.informative("Micro (JMH): one page of 100 findings, no network", String.format(
            Locale.ROOT, "AWS SDK unmarshal (raw paging pays it; the adapter reads pages itself) %.0f us; SDK core "
                + "from ASFF facts to Finding (checks, mapping, stream) %.0f us = %.0f%%", unmarshal, mapping,
            100 * mapping / unmarshal)));
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
            .orElseThrow(() -> new IllegalStateException("JMH ran no " + method)).getPrimaryResult().getScore();
    }
}
