package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.testkit.CloudSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Target 1: the SDK's findings stream (pages into {@link Finding} objects) against the plain AWS SDK paginator over
 * the same pages with no mapping, both reading the same sandbox (quota off) in this JVM, back to back. The figure is
 * the median of the pairs' ratios: a pair runs within seconds, so the load other work puts on a shared machine
 * weighs on both sides of a ratio alike; the pairs alternate which side runs first, so that a drift (the sandbox's
 * own JIT, a neighbour's load) does not always favour the same side.
 */
final class FindingsOverhead {

    static final int FINDINGS = 200_000;
    /**
     * How many findings each warm-up pass reads, {@value #WARM_UP_PASSES} passes each way: half a measured pass. With
     * two passes of 50,000 the first measured pairs still ran while the JIT compiled (the SDK's side, with more code,
     * at 55 % of its later speed).
     */
    private static final int WARM_UP = 100_000;
    private static final int WARM_UP_PASSES = 3;
    private static final String REGION = "us-east-1";
    private static final double TARGET = 0.8;

    private FindingsOverhead() {
    }

    static Row run(int repetitions) {
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.findings(List.of(REGION))).withoutQuota()
                .syntheticFindings(FINDINGS).start();
             ConnectorClient sdk = Clients.sdk(sandbox, Clients.UNPACED);
             SdkHttpClient http = ApacheHttpClient.builder().build();
             SecurityHubClient raw = Clients.securityHub(sandbox, REGION, http)) {
            ConnectorSpec spec = Seeds.spec(sandbox, List.of(REGION));
            Progress.say("findings overhead: warming up (%d x %,d findings each way)", WARM_UP_PASSES, WARM_UP);
            for (int i = 0; i < WARM_UP_PASSES; i++) {
                sdkPass(sdk, spec, WARM_UP);
                rawPass(raw, WARM_UP);
            }
            List<Double> sdkRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                Timing.Timed<Long> mine;
                Timing.Timed<Long> theirs;
                if (i % 2 == 0) {
                    mine = Timing.time(() -> sdkPass(sdk, spec, FINDINGS));
                    theirs = Timing.time(() -> rawPass(raw, FINDINGS));
                } else {
                    theirs = Timing.time(() -> rawPass(raw, FINDINGS));
                    mine = Timing.time(() -> sdkPass(sdk, spec, FINDINGS));
                }
                check(mine.value());
                check(theirs.value());
                sdkRates.add(FINDINGS / mine.seconds());
                rawRates.add(FINDINGS / theirs.seconds());
                ratios.add(theirs.seconds() / mine.seconds());
                Progress.say("findings overhead %d/%d: SDK %.0f findings/s, raw paging %.0f findings/s", i + 1,
                    repetitions, FINDINGS / mine.seconds(), FINDINGS / theirs.seconds());
            }
            double ratio = Timing.median(ratios);
            return Row.judged("1. Findings overhead (200,000 findings, quota off)", String.format(Locale.ROOT,
                "%.2f (median of %d back-to-back pairs; SDK %,.0f/s into Finding vs raw paginator %,.0f/s)", ratio,
                repetitions, Timing.median(sdkRates), Timing.median(rawRates)), "throughput ratio >= " + TARGET,
                ratio >= TARGET);
        }
    }

    /** Reads {@code limit} findings into {@link Finding} objects (every one, when the limit is the total). */
    private static long sdkPass(ConnectorClient sdk, ConnectorSpec spec, int limit) {
        try (Stream<Finding> findings = sdk.findings(spec, FindingQuery.activeFindings())) {
            return findings.limit(limit).count();
        }
    }

    /** Pages through {@code limit} findings with the plain client, reading each page's list and nothing more. */
    private static long rawPass(SecurityHubClient raw, int limit) {
        return raw.getFindingsPaginator(r -> r.filters(Clients.activeIn(REGION)).sortCriteria(Clients.oldestFirst())
            .maxResults(100)).stream().mapToLong(page -> page.findings().size()).takeWhile(new LongPredicate() {
                private long read;

                @Override
                public boolean test(long size) {
                    boolean more = read < limit;
                    read += size;
                    return more;
                }
            }).sum();
    }

    private static void check(long count) {
        if (count != FINDINGS) {
            throw new IllegalStateException("read " + count + " findings, expected " + FINDINGS);
        }
    }
}
