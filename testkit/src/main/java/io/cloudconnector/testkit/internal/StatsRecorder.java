package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxStats;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls (per operation, region and account), 429 answers, faults and calls in flight. Thread-safe. */
public final class StatsRecorder {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byRegion = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** A call of {@code operation} in {@code region} by {@code account} starts; empty region or account: none. */
    void enter(String operation, String region, String account) {
        requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (!region.isEmpty()) {
            byRegion.computeIfAbsent(operation + "@" + region, k -> new LongAdder()).increment();
        }
        if (!account.isEmpty()) {
            byAccount.computeIfAbsent(operation + "@" + account, k -> new LongAdder()).increment();
        }
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void answered(int status) {
        if (status == 429) {
            throttled.incrementAndGet();
        }
    }

    void faultFired() {
        faults.incrementAndGet();
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** The figures so far. */
    public SandboxStats snapshot() {
        return new SandboxStats(sums(requests), sums(byRegion), throttled.get(), faults.get(), peak.get(),
            sums(byAccount));
    }

    /** Starts counting afresh (calls in flight stay counted). */
    public void reset() {
        requests.clear();
        byRegion.clear();
        byAccount.clear();
        throttled.set(0);
        faults.set(0);
        peak.set(inFlight.get());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new HashMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
