package io.cloudconnector.internal.findings;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.FindingResource;
import io.cloudconnector.RecordState;
import io.cloudconnector.Severity;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.WorkflowStatus;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.AsffFinding.AsffResource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an ASFF finding and turns it into a {@link Finding}. The rules: every required ASFF field is present and not
 * blank ({@code Id}, {@code ProductArn}, {@code GeneratorId}, {@code AwsAccountId}, {@code CreatedAt},
 * {@code UpdatedAt}, {@code Title}, {@code Description}, a severity, at least one resource with type and ID); every
 * enumerated value is known; every time, required or optional, parses. A severity label wins over the normalized
 * score; without a label, the label is derived from the score. A {@code Compliance} block without a status is not a
 * control result.
 */
final class FindingMapper {

    private FindingMapper() {
    }

    /**
     * The finding {@code raw} stands for.
     *
     * @param readRegion the region it was read in, used when ASFF has no {@code Region}
     * @throws MalformedFindingException with the reason when a rule is broken
     */
    static Finding map(AsffFinding raw, String readRegion) {
        Finding.Builder finding = Finding.builder()
            .id(required("Id", raw.id()))
            .productArn(required("ProductArn", raw.productArn()))
            .productName(present(raw.productName()))
            .generatorId(required("GeneratorId", raw.generatorId()))
            .awsAccountId(required("AwsAccountId", raw.awsAccountId()))
            .region(present(raw.region()).orElse(readRegion))
            .title(required("Title", raw.title()))
            .description(required("Description", raw.description()))
            .severity(severity(raw))
            .resources(resources(raw.resources()))
            .createdAt(AsffTimes.parse("CreatedAt", required("CreatedAt", raw.createdAt())))
            .updatedAt(AsffTimes.parse("UpdatedAt", required("UpdatedAt", raw.updatedAt())))
            .firstObservedAt(AsffTimes.parseOptional("FirstObservedAt", present(raw.firstObservedAt())))
            .lastObservedAt(AsffTimes.parseOptional("LastObservedAt", present(raw.lastObservedAt())))
            .remediationText(present(raw.remediationText()))
            .remediationUrl(present(raw.remediationUrl()))
            .productFields(raw.productFields());
        present(raw.recordState()).ifPresent(state -> finding.recordState(known(RecordState.class, "RecordState",
            state)));
        present(raw.workflowStatus()).ifPresent(status -> finding.workflowStatus(known(WorkflowStatus.class,
            "Workflow.Status", status)));
        raw.compliance().flatMap(compliance -> compliance(compliance, raw.generatorId()))
            .ifPresent(finding::compliance);
        return finding.build();
    }

    private static Severity severity(AsffFinding raw) {
        Optional<String> label = present(raw.severityLabel());
        Optional<Integer> normalized = raw.severityNormalized();
        normalized.ifPresent(score -> {
            if (score < 0 || score > SeverityLabel.MAX_SCORE) {
                throw new MalformedFindingException("Severity.Normalized must be 0 to 100, was " + score);
            }
        });
        if (label.isPresent()) {
            SeverityLabel known = known(SeverityLabel.class, "Severity.Label", label.get());
            return normalized.map(score -> Severity.of(known, score)).orElseGet(() -> Severity.ofLabel(known));
        }
        return normalized.map(Severity::ofScore)
            .orElseThrow(() -> new MalformedFindingException("Severity has neither Label nor Normalized"));
    }

    private static List<FindingResource> resources(List<AsffResource> resources) {
        if (resources.isEmpty()) {
            throw new MalformedFindingException("Resources missing");
        }
        return resources.stream().map(resource -> FindingResource.builder()
            .type(required("Resources[].Type", resource.type()))
            .id(required("Resources[].Id", resource.id()))
            .partition(present(resource.partition()))
            .region(present(resource.region()))
            .build()).toList();
    }

    private static Optional<FindingCompliance> compliance(AsffCompliance raw, Optional<String> generatorId) {
        Optional<String> status = present(raw.status());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FindingCompliance.builder()
            .status(known(ComplianceStatus.class, "Compliance.Status", status.get()))
            .controlId(controlId(raw, generatorId))
            .relatedRequirements(raw.relatedRequirements())
            .associatedStandards(raw.associatedStandards())
            .build());
    }

    /** The control: the security control ID, else the CIS generator ID, else the related requirements. */
    static Optional<String> controlId(AsffCompliance raw, Optional<String> generatorId) {
        Optional<String> securityControlId = present(raw.securityControlId());
        if (securityControlId.isPresent()) {
            return securityControlId;
        }
        Optional<CisRequirement> fromGenerator = generatorId.flatMap(CisRequirement::ofGeneratorId);
        if (fromGenerator.isPresent()) {
            return fromGenerator.map(CisRequirement::controlId);
        }
        Optional<String> fromCisRequirement = raw.relatedRequirements().stream()
            .flatMap(requirement -> CisRequirement.ofRelatedRequirement(requirement).stream())
            .map(CisRequirement::controlId)
            .findFirst();
        if (fromCisRequirement.isPresent()) {
            return fromCisRequirement;
        }
        return raw.relatedRequirements().stream().filter(requirement -> !requirement.isBlank()).findFirst();
    }

    private static String required(String field, Optional<String> value) {
        return present(value).orElseThrow(() -> new MalformedFindingException(field + " missing"));
    }

    private static Optional<String> present(Optional<String> value) {
        return value.filter(text -> !text.isBlank());
    }

    private static <E extends Enum<E>> E known(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedFindingException("unknown " + field + " '" + value + "'");
        }
    }
}
