package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.testkit.CloudSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Target 1: the SDK's findings stream (pages into {@link Finding} objects) against the plain AWS SDK paginator over
 * the same pages with no mapping, both reading the same sandbox (quota off) in this JVM, alternately.
 */
final class FindingsOverhead {

    static final int FINDINGS = 200_000;
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
            Progress.say("findings overhead: warming up (one pass each)");
            check(sdkPass(sdk, spec));
            check(rawPass(raw));
            List<Double> sdkRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                Timing.Timed<Long> mine = Timing.time(() -> sdkPass(sdk, spec));
                Timing.Timed<Long> theirs = Timing.time(() -> rawPass(raw));
                check(mine.value());
                check(theirs.value());
                sdkRates.add(FINDINGS / mine.seconds());
                rawRates.add(FINDINGS / theirs.seconds());
                Progress.say("findings overhead %d/%d: SDK %.0f findings/s, raw paging %.0f findings/s", i + 1,
                    repetitions, FINDINGS / mine.seconds(), FINDINGS / theirs.seconds());
            }
            double ratio = Timing.median(sdkRates) / Timing.median(rawRates);
            return Row.judged("1. Findings overhead (200,000 findings, quota off)", String.format(Locale.ROOT,
                "%.2f (SDK %,.0f/s into Finding vs raw paginator %,.0f/s)", ratio, Timing.median(sdkRates),
                Timing.median(rawRates)), "throughput ratio >= " + TARGET, ratio >= TARGET);
        }
    }

    private static long sdkPass(ConnectorClient sdk, ConnectorSpec spec) {
        try (Stream<Finding> findings = sdk.findings(spec, FindingQuery.activeFindings())) {
            return findings.count();
        }
    }

    private static long rawPass(SecurityHubClient raw) {
        return raw.getFindingsPaginator(r -> r.filters(Clients.activeIn(REGION)).sortCriteria(Clients.oldestFirst())
            .maxResults(100)).stream().mapToLong(page -> page.findings().size()).sum();
    }

    private static void check(long count) {
        if (count != FINDINGS) {
            throw new IllegalStateException("read " + count + " findings, expected " + FINDINGS);
        }
    }
}
