package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ControlScore;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SecureScore;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.WorkflowStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The secure score of a spec, from the ACTIVE control findings that PASSED or FAILED (suppressed ones left out), in
 * every enabled region, resources pooled across regions ({@link ControlEvidence}). A control's severity is the
 * highest among its findings, and gives its maximum ({@link SecureScore#maxScoreOf}). Memory grows with controls
 * times resources, not with the number of findings.
 */
final class ScoreCalculator {

    private final FindingsReader reader;

    ScoreCalculator(FindingsReader reader) {
        this.reader = reader;
    }

    SecureScore compute(ConnectorSpec spec) {
        FindingsPlan plan = reader.plan(spec);
        FindingQuery query = FindingQuery.builder()
            .addComplianceStatuses(ComplianceStatus.PASSED, ComplianceStatus.FAILED)
            .build();
        Map<String, ControlTally> controls = new TreeMap<>();
        FindingsTally tally = new FindingsTally();
        try (Stream<Finding> findings = reader.stream(spec, plan, query, tally)) {
            findings.filter(finding -> finding.workflowStatus() != WorkflowStatus.SUPPRESSED)
                .forEach(finding -> finding.compliance().ifPresent(compliance -> compliance.controlId()
                    .ifPresent(controlId -> controls.computeIfAbsent(controlId, id -> new ControlTally())
                        .add(finding, compliance))));
        }
        Map<String, String> failures = new LinkedHashMap<>();
        tally.failedRegions().forEach((region, e) -> failures.put(region, e.getMessage()));
        return SecureScore.builder()
            .controls(controls.entrySet().stream()
                .map(entry -> entry.getValue().score(entry.getKey()))
                .filter(score -> score.healthyResources() + score.unhealthyResources() > 0)
                .toList())
            .regions(plan.results(failures))
            .build();
    }

    /** One control's findings so far. */
    private static final class ControlTally {

        private final ControlEvidence evidence = new ControlEvidence();
        private String title;
        private SeverityLabel severity = SeverityLabel.INFORMATIONAL;

        void add(Finding finding, FindingCompliance compliance) {
            evidence.add(finding, compliance.status());
            if (title == null) {
                title = finding.title();
            }
            if (finding.severity().label().isAtLeast(severity)) {
                severity = finding.severity().label();
            }
        }

        ControlScore score(String controlId) {
            return ControlScore.builder()
                .controlId(controlId)
                .title(title)
                .severity(severity)
                .maxScore(SecureScore.maxScoreOf(severity))
                .healthyResources((int) evidence.count(ComplianceStatus.PASSED))
                .unhealthyResources((int) evidence.count(ComplianceStatus.FAILED))
                .build();
        }
    }
}
