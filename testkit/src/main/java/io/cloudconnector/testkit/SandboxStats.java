package io.cloudconnector.testkit;

import java.util.Map;

/**
 * What the sandbox has seen since it started (or since {@link CloudSandbox#resetStats()}): calls per operation,
 * per operation and region, and per operation and AWS account, the 429 answers sent, the faults fired and the most
 * calls in flight at once. A snapshot: it does not change after it is taken.
 *
 * @param requests calls per operation, such as {@code securityhub:GetFindings}
 * @param requestsByRegion calls per operation and region, keyed {@code operation@region}
 * @param throttled the number of answers with status 429 (quota and injected faults)
 * @param faultsFired the number of injected faults that fired
 * @param peakInFlight the most calls being answered at the same moment (latency and delays count)
 * @param requestsByAccount AWS calls per operation and the account of the caller's credentials, keyed
 *     {@code operation@account} (the session credentials of an assumed role belong to the role's account)
 */
public record SandboxStats(Map<String, Long> requests, Map<String, Long> requestsByRegion, long throttled,
    long faultsFired, int peakInFlight, Map<String, Long> requestsByAccount) {

    /** Copies the maps. */
    public SandboxStats {
        requests = Map.copyOf(requests);
        requestsByRegion = Map.copyOf(requestsByRegion);
        requestsByAccount = Map.copyOf(requestsByAccount);
    }

    /** Figures without calls per account (the form before {@link #requestsByAccount()} existed). */
    public SandboxStats(Map<String, Long> requests, Map<String, Long> requestsByRegion, long throttled,
        long faultsFired, int peakInFlight) {
        this(requests, requestsByRegion, throttled, faultsFired, peakInFlight, Map.of());
    }

    /** The calls of {@code operation}; 0 when none. */
    public long requests(String operation) {
        return requests.getOrDefault(operation, 0L);
    }

    /** The calls of {@code operation} in {@code region}; 0 when none. */
    public long requests(String operation, String region) {
        return requestsByRegion.getOrDefault(operation + "@" + region, 0L);
    }

    /** The calls of {@code operation} made with the credentials of AWS account {@code accountId}; 0 when none. */
    public long accountRequests(String accountId, String operation) {
        return requestsByAccount.getOrDefault(operation + "@" + accountId, 0L);
    }

    /** All calls. */
    public long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
