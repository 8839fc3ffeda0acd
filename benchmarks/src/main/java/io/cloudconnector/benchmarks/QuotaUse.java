package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxStats;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Target 5: reading findings with the sandbox enforcing Security Hub's GetFindings quota (3 calls per second, burst
 * 6, per account and region) and the SDK at its default pace: the page rate achieved against the quota, and the 429
 * answers the sandbox sent. Once with one region, once with three; a fresh sandbox and client each time, so that
 * neither starts with a bucket or a rate limiter the other used.
 */
final class QuotaUse {

    static final int FINDINGS_PER_REGION = 6_000;
    private static final List<String> THREE_REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private static final double QUOTA = ResiliencePolicy.GET_FINDINGS_PER_SECOND;
    private static final double TARGET = 0.9;

    private QuotaUse() {
    }

    static List<Row> run() {
        return List.of(read(THREE_REGIONS.subList(0, 1)), read(THREE_REGIONS));
    }

    private static Row read(List<String> regions) {
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.findings(regions))
                .syntheticFindings(FINDINGS_PER_REGION).start();
             ConnectorClient sdk = Clients.sdk(sandbox, ResiliencePolicy.GET_FINDINGS_PER_SECOND)) {
            ConnectorSpec spec = Seeds.spec(sandbox, regions);
            Progress.say("quota: reading %,d findings in %d region(s) at the quota", FINDINGS_PER_REGION
                * regions.size(), regions.size());
            sandbox.resetStats();
            Timing.Timed<Long> run = Timing.time(() -> {
                try (Stream<Finding> findings = sdk.findings(spec, FindingQuery.activeFindings())) {
                    return findings.count();
                }
            });
            SandboxStats stats = sandbox.stats();
            long pages = stats.requests("securityhub:GetFindings");
            if (run.value() != (long) FINDINGS_PER_REGION * regions.size()) {
                throw new IllegalStateException("read " + run.value() + " findings, expected "
                    + FINDINGS_PER_REGION * regions.size());
            }
            double quota = QUOTA * regions.size();
            double rate = pages / run.seconds();
            Progress.say("quota: %d pages in %.1f s = %.2f/s, %d answers 429", pages, run.seconds(), rate,
                stats.throttled());
            return Row.judged(String.format(Locale.ROOT, "5. Quota use: %,d findings, %d region%s, quota %.0f/s "
                + "(burst 6) per region", FINDINGS_PER_REGION * regions.size(), regions.size(),
                regions.size() == 1 ? "" : "s", QUOTA), String.format(Locale.ROOT, "%.0f%% of %.0f pages/s (%d "
                + "pages in %.1f s), %d x 429", 100 * rate / quota, quota, pages, run.seconds(), stats.throttled()),
                String.format(Locale.ROOT, ">= %.0f%% of %.0f/s, zero 429", 100 * TARGET, quota),
                rate >= TARGET * quota && stats.throttled() == 0);
        }
    }
}
