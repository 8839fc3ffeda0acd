package io.cloudconnector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FindingsListener} that counts: how many findings were skipped and why, how many had a field cut short
 * (the first {@value #MAX_KEPT_REASONS} of each kept), and which regions failed with what. Thread-safe.
 */
public final class FindingsTally implements FindingsListener {

    /** How many skipped (and truncated) findings are kept with their reason; the counts go on beyond it. */
    public static final int MAX_KEPT_REASONS = 100;

    private final List<SkippedFinding> skipped = new ArrayList<>();
    private final List<TruncatedFinding> truncated = new ArrayList<>();
    private final Map<String, ConnectorException> failedRegions = new LinkedHashMap<>();
    private long skippedCount;
    private long truncatedCount;

    @Override
    public synchronized void skipped(SkippedFinding finding) {
        skippedCount++;
        if (skipped.size() < MAX_KEPT_REASONS) {
            skipped.add(finding);
        }
    }

    @Override
    public synchronized void truncated(TruncatedFinding finding) {
        truncatedCount++;
        if (truncated.size() < MAX_KEPT_REASONS) {
            truncated.add(finding);
        }
    }

    @Override
    public synchronized void regionFailed(String region, ConnectorException failure) {
        failedRegions.put(region, failure);
    }

    /** How many findings were skipped so far. */
    public synchronized long skippedCount() {
        return skippedCount;
    }

    /** The first {@value #MAX_KEPT_REASONS} skipped findings, with their reasons, in the order met. */
    public synchronized List<SkippedFinding> skipped() {
        return List.copyOf(skipped);
    }

    /** How many findings were delivered with a field cut short so far. */
    public synchronized long truncatedCount() {
        return truncatedCount;
    }

    /** The first {@value #MAX_KEPT_REASONS} truncated fields, in the order met. */
    public synchronized List<TruncatedFinding> truncated() {
        return List.copyOf(truncated);
    }

    /** The regions that could not be read, with why, in the order they failed. */
    public synchronized Map<String, ConnectorException> failedRegions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(failedRegions));
    }
}
