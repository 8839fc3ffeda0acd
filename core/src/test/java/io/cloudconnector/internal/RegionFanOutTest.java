package io.cloudconnector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegionFanOutTest {

    @Test
    void run_oneRegionFails_keepsTheOthersAndItsCause() {
        Map<String, RegionOutcome<String>> outcomes = RegionFanOut.run(List.of("us-east-1", "eu-west-1", "sa-east-1"),
            4, region -> {
                if (region.equals("eu-west-1")) {
                    throw new ConnectorException("ec2:DescribeInstances in eu-west-1 failed: AccessDenied");
                }
                return "done " + region;
            });

        assertThat(outcomes.keySet()).containsExactly("us-east-1", "eu-west-1", "sa-east-1");
        assertThat(outcomes.get("us-east-1").value()).isEqualTo("done us-east-1");
        assertThat(outcomes.get("sa-east-1").succeeded()).isTrue();
        assertThat(outcomes.get("eu-west-1").succeeded()).isFalse();
        assertThat(outcomes.get("eu-west-1").cause()).contains("AccessDenied");
    }

    @Test
    void run_parallelismTwo_neverRunsMoreThanTwoAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> regions = List.of("a-1", "b-1", "c-1", "d-1", "e-1", "f-1");

        RegionFanOut.run(regions, 2, region -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            inFlight.decrementAndGet();
            return region;
        });

        assertThat(peak.get()).isBetween(1, 2);
    }

    @Test
    void run_regionsOverlap_whenParallelismAllows() throws InterruptedException {
        CountDownLatch bothStarted = new CountDownLatch(2);

        Map<String, RegionOutcome<Boolean>> outcomes = RegionFanOut.run(List.of("us-east-1", "eu-west-1"), 2,
            region -> {
                bothStarted.countDown();
                try {
                    return bothStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });

        assertThat(outcomes.values()).extracting(RegionOutcome::value).containsOnly(true);
    }

    @Test
    void run_noRegions_returnsEmpty() {
        assertThat(RegionFanOut.run(List.of(), 4, region -> region)).isEmpty();
    }
}
