package io.cloudconnector.testkit;

import java.util.Map;

/**
 * What the sandbox has seen since it started (or since {@link CloudSandbox#resetStats()}): calls per operation
 * and per operation and region, the 429 answers sent, the faults fired and the most calls in flight at once.
 * A snapshot: it does not change after it is taken.
 *
 * @param requests calls per operation, such as {@code securityhub:GetFindings}
 * @param requestsByRegion calls per operation and region, keyed {@code operation@region}
 * @param throttled the number of answers with status 429 (quota and injected faults)
 * @param faultsFired the number of injected faults that fired
 * @param peakInFlight the most calls being answered at the same moment (latency and delays count)
 */
public record SandboxStats(Map<String, Long> requests, Map<String, Long> requestsByRegion, long throttled,
    long faultsFired, int peakInFlight) {

    /** Copies the maps. */
    public SandboxStats {
        requests = Map.copyOf(requests);
        requestsByRegion = Map.copyOf(requestsByRegion);
    }

    /** The calls of {@code operation}; 0 when none. */
    public long requests(String operation) {
        return requests.getOrDefault(operation, 0L);
    }

    /** The calls of {@code operation} in {@code region}; 0 when none. */
    public long requests(String operation, String region) {
        return requestsByRegion.getOrDefault(operation + "@" + region, 0L);
    }

    /** All calls. */
    public long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
