package io.cloudconnector.examples;

import io.cloudconnector.Finding;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SeverityLabel;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Findings counted by severity and by product, with what the SDK had to skip. */
record FindingsSummary(int total, Map<SeverityLabel, Integer> bySeverity, Map<String, Integer> byProduct,
    long skipped, Map<String, String> failedRegions) {

    /** Counts {@code findings}, consuming and closing the stream; {@code tally} is the listener it was read with. */
    static FindingsSummary count(Stream<Finding> findings, FindingsTally tally) {
        Map<SeverityLabel, Integer> bySeverity = new EnumMap<>(SeverityLabel.class);
        Map<String, Integer> byProduct = new TreeMap<>();
        int total = 0;
        try (findings) {
            for (Finding finding : (Iterable<Finding>) findings::iterator) {
                total++;
                bySeverity.merge(finding.severity().label(), 1, Integer::sum);
                byProduct.merge(finding.productName().orElse("(unnamed product)"), 1, Integer::sum);
            }
        }
        Map<String, String> failed = new TreeMap<>();
        tally.failedRegions().forEach((region, failure) -> failed.put(region, failure.getMessage()));
        return new FindingsSummary(total, bySeverity, byProduct, tally.skippedCount(), failed);
    }
}
