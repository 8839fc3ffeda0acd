package io.cloudconnector.benchmarks;

import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveryResult;
import io.cloudconnector.testkit.CloudSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Target 4: discovery of 16 regions against discovery of one, with 200 ms of latency on every call the sandbox
 * answers (AWS and Azure alike); alternately, after one warm-up of each. The client works on all 16 regions at once
 * ({@code ConnectorClient.builder(...).regionParallelism(16)}): at the default of 8, the regions take two waves.
 */
final class ParallelDiscovery {

    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final int INSTANCES_PER_REGION = 5;
    private static final double TARGET = 1.5;

    private ParallelDiscovery() {
    }

    static Row run(int repetitions) {
        try (CloudSandbox sandbox = CloudSandbox.builder()
                .seed(Seeds.fleet(Seeds.SIXTEEN_REGIONS, INSTANCES_PER_REGION)).latency(LATENCY).start();
             ConnectorClient sdk = Clients.sdk(sandbox, Clients.UNPACED, Seeds.SIXTEEN_REGIONS.size())) {
            ConnectorSpec all = Seeds.spec(sandbox, Seeds.SIXTEEN_REGIONS);
            ConnectorSpec one = Seeds.spec(sandbox, List.of(Seeds.SIXTEEN_REGIONS.get(0)));
            Progress.say("parallel regions: warming up (one discovery each)");
            discover(sdk, all, Seeds.SIXTEEN_REGIONS.size());
            discover(sdk, one, 1);
            List<Double> sixteen = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                sixteen.add(discover(sdk, all, Seeds.SIXTEEN_REGIONS.size()));
                single.add(discover(sdk, one, 1));
                Progress.say("parallel regions %d/%d: 16 regions %.2f s, 1 region %.2f s (peak %d calls in flight)",
                    i + 1, repetitions, sixteen.get(i), single.get(i), sandbox.stats().peakInFlight());
            }
            double ratio = Timing.median(sixteen) / Timing.median(single);
            return Row.judged("4. Parallel regions: discovery, 200 ms latency per call", String.format(Locale.ROOT,
                "%.2fx (16 regions %.2f s vs 1 region %.2f s; regionParallelism 16)", ratio, Timing.median(sixteen),
                Timing.median(single)), "16 regions <= " + TARGET + "x one region", ratio <= TARGET);
        }
    }

    private static double discover(ConnectorClient sdk, ConnectorSpec spec, int regions) {
        Timing.Timed<DiscoveryResult> run = Timing.time(() -> sdk.discover(spec));
        int expected = regions * INSTANCES_PER_REGION;
        if (run.value().instances().size() != expected || !run.value().failedRegions().isEmpty()) {
            throw new IllegalStateException("discovered " + run.value().instances().size() + " instances, expected "
                + expected + "; failed regions: " + run.value().failedRegions());
        }
        return run.seconds();
    }
}
