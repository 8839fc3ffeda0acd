package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ControlResult;
import io.cloudconnector.ControlStatus;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.StandardCompliance;
import io.cloudconnector.WorkflowStatus;
import io.cloudconnector.internal.RegionFanOut;
import io.cloudconnector.internal.RegionFanOut.RegionOutcome;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The CIS AWS Foundations compliance of a spec. Standards and their controls come from every enabled region
 * ({@code GetEnabledStandards}, {@code DescribeStandardsControls}, in parallel); a control is DISABLED when it is
 * disabled in every region where its standard is enabled. The status of an enabled control comes from the ACTIVE
 * findings of the enabled CIS standards, suppressed ones left out, joined to the control by CIS version and
 * requirement number (from the generator ID or the related requirements, so both the standard-specific and the
 * consolidated finding formats count): FAILED when any resource failed, else PASSED when any passed, else NO_DATA.
 * Memory grows with controls times resources, not with the number of findings.
 */
final class ComplianceCalculator {

    private static final Set<String> USABLE_STANDARD_STATES = Set.of("READY", "INCOMPLETE");
    private static final String CIS_1_2_PREFIX = "CIS.";

    private final FindingsReader reader;
    private final FindingsPort port;

    ComplianceCalculator(FindingsReader reader, FindingsPort port) {
        this.reader = reader;
        this.port = port;
    }

    ComplianceSummary compute(ConnectorSpec spec) {
        FindingsPlan plan = reader.plan(spec);
        Map<String, RegionOutcome<List<EnabledStandard>>> outcomes = RegionFanOut.run(plan.enabledRegions(),
            RegionFanOut.DEFAULT_PARALLELISM, region -> cisStandards(spec, region));
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, StandardControls> byVersion = new TreeMap<>(Versions.DOTTED);
        outcomes.forEach((region, outcome) -> {
            if (outcome.succeeded()) {
                outcome.value().forEach(standard -> byVersion.computeIfAbsent(standard.version(),
                    version -> new StandardControls(version, standard.standardId())).add(region, standard));
            } else {
                failures.put(region, outcome.cause());
            }
        });
        if (!byVersion.isEmpty()) {
            readFindings(spec, plan, byVersion, failures);
        }
        return ComplianceSummary.builder()
            .standards(byVersion.values().stream().map(StandardControls::result).toList())
            .regions(plan.results(failures))
            .build();
    }

    private void readFindings(ConnectorSpec spec, FindingsPlan plan, Map<String, StandardControls> byVersion,
        Map<String, String> failures) {
        FindingQuery query = FindingQuery.builder()
            .associatedStandards(byVersion.values().stream().map(StandardControls::standardId).toList())
            .build();
        FindingsTally tally = new FindingsTally();
        try (Stream<Finding> findings = reader.stream(spec, plan, query, tally)) {
            findings.filter(finding -> finding.workflowStatus() != WorkflowStatus.SUPPRESSED)
                .forEach(finding -> finding.compliance().ifPresent(compliance ->
                    CisRequirement.of(finding).forEach(requirement -> Optional.ofNullable(
                        byVersion.get(requirement.version())).ifPresent(standard ->
                        standard.evidence(requirement.number()).add(finding, compliance.status())))));
        }
        tally.failedRegions().forEach((region, e) -> failures.putIfAbsent(region, e.getMessage()));
    }

    private List<EnabledStandard> cisStandards(ConnectorSpec spec, String region) {
        List<EnabledStandard> standards = new ArrayList<>();
        for (StandardSubscription subscription : port.enabledStandards(spec, region)) {
            Optional<String> version = CisRequirement.versionOfStandard(subscription.standardsArn());
            if (version.isPresent() && USABLE_STANDARD_STATES.contains(subscription.status())) {
                standards.add(new EnabledStandard(version.get(), standardId(subscription.standardsArn()),
                    port.standardsControls(spec, region, subscription.subscriptionArn())));
            }
        }
        return standards;
    }

    /** The region-free ID findings carry: the ARN's resource part, such as {@code standards/cis-.../v/1.4.0}. */
    static String standardId(String standardsArn) {
        String[] parts = standardsArn.split(":", 6);
        return parts.length == 6 ? parts[5] : standardsArn;
    }

    /**
     * The requirement number of a control of CIS {@code version}: from its related requirement of that version
     * ({@code CIS AWS Foundations Benchmark v1.2.0/1.1}) when it lists one, else from its control ID, where
     * {@code CIS.1.1} (CIS 1.2.0) and {@code 1.1} (later versions) are both {@code 1.1}.
     */
    static String number(StandardsControlFacts control, String version) {
        return control.relatedRequirements().stream()
            .flatMap(requirement -> CisRequirement.ofRelatedRequirement(requirement).stream())
            .filter(requirement -> requirement.version().equals(version))
            .map(CisRequirement::number)
            .findFirst()
            .orElseGet(() -> {
                String id = control.controlId();
                return id.startsWith(CIS_1_2_PREFIX) ? id.substring(CIS_1_2_PREFIX.length()) : id;
            });
    }

    /** One CIS standard enabled in one region, with its controls there. */
    private record EnabledStandard(String version, String standardId, List<StandardsControlFacts> controls) {
    }

    /** One CIS version across regions: its controls, merged, and the evidence of its findings. */
    private static final class StandardControls {

        private final String version;
        private final String standardId;
        private final Set<String> regions = new TreeSet<>();
        private final Map<String, ControlFacts> controls = new TreeMap<>(Versions.DOTTED);
        private final Map<String, ControlEvidence> evidence = new HashMap<>();

        StandardControls(String version, String standardId) {
            this.version = version;
            this.standardId = standardId;
        }

        String standardId() {
            return standardId;
        }

        void add(String region, EnabledStandard standard) {
            regions.add(region);
            standard.controls().forEach(control -> controls.computeIfAbsent(number(control, version), number ->
                new ControlFacts()).add(control));
        }

        ControlEvidence evidence(String number) {
            return evidence.computeIfAbsent(number, key -> new ControlEvidence());
        }

        StandardCompliance result() {
            return StandardCompliance.builder()
                .version(version)
                .standardId(standardId)
                .regions(regions)
                .controls(controls.entrySet().stream()
                    .map(entry -> entry.getValue().result(entry.getKey(), evidence.get(entry.getKey())))
                    .toList())
                .build();
        }
    }

    /** One control, merged across the regions where its standard is enabled. */
    private static final class ControlFacts {

        private String title;
        private SeverityLabel severity;
        private boolean enabled;

        void add(StandardsControlFacts control) {
            enabled |= "ENABLED".equals(control.status());
            if (title == null) {
                title = control.title().orElse(null);
            }
            control.severityRating().flatMap(ControlFacts::label).ifPresent(label -> {
                if (severity == null || label.isAtLeast(severity)) {
                    severity = label;
                }
            });
        }

        ControlResult result(String number, ControlEvidence evidence) {
            Map<String, ComplianceStatus> pooled = evidence == null ? Map.of() : evidence.pooled();
            return ControlResult.builder()
                .controlId(number)
                .title(title == null ? number : title)
                .severity(Optional.ofNullable(severity))
                .status(status(pooled))
                .failingResources(pooled.entrySet().stream()
                    .filter(entry -> entry.getValue() == ComplianceStatus.FAILED).map(Map.Entry::getKey).toList())
                .build();
        }

        private ControlStatus status(Map<String, ComplianceStatus> pooled) {
            if (!enabled) {
                return ControlStatus.DISABLED;
            }
            if (pooled.containsValue(ComplianceStatus.FAILED)) {
                return ControlStatus.FAILED;
            }
            return pooled.containsValue(ComplianceStatus.PASSED) ? ControlStatus.PASSED : ControlStatus.NO_DATA;
        }

        private static Optional<SeverityLabel> label(String rating) {
            try {
                return Optional.of(SeverityLabel.valueOf(rating.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
