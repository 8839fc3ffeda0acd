package io.cloudconnector.testkit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.internal.Json;
import io.cloudconnector.testkit.internal.Severities;
import io.cloudconnector.testkit.internal.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One Security Hub finding of a seed, held as the ASFF JSON the sandbox returns (which may be deliberately broken),
 * with typed reads of the fields a test counts by. A read of a missing or mistyped field is empty, never an error.
 *
 * <p>Immutable: the finding is kept as JSON text (so large seeds stay small) and {@link #asff()} parses a copy.
 */
public final class SeedFinding {

    private final String json;

    private SeedFinding(String json) {
        this.json = json;
    }

    /**
     * Wraps an ASFF finding.
     *
     * @throws IllegalArgumentException when {@code asff} is not a JSON object
     */
    @JsonCreator
    public static SeedFinding of(JsonNode asff) {
        if (asff == null || !asff.isObject()) {
            throw new IllegalArgumentException("a finding must be a JSON object");
        }
        return new SeedFinding(Json.write(asff));
    }

    /** A copy of the finding's ASFF JSON. */
    @JsonValue
    public ObjectNode asff() {
        return (ObjectNode) Json.parse(json).orElseThrow();
    }

    /** The finding as compact JSON text, as the sandbox sends it. */
    public String json() {
        return json;
    }

    /** {@code Id}; empty string when missing. */
    public String id() {
        return Json.text(asff(), "Id").orElse("");
    }

    /** {@code ProductArn}; empty string when missing. */
    public String productArn() {
        return Json.text(asff(), "ProductArn").orElse("");
    }

    /** {@code ProductName}, such as {@code Security Hub}, {@code GuardDuty} or {@code Inspector}. */
    public Optional<String> productName() {
        return Json.text(asff(), "ProductName");
    }

    /** {@code GeneratorId}; empty string when missing. */
    public String generatorId() {
        return Json.text(asff(), "GeneratorId").orElse("");
    }

    /** {@code AwsAccountId}; empty string when missing. */
    public String awsAccountId() {
        return Json.text(asff(), "AwsAccountId").orElse("");
    }

    /** {@code Region}, else the region of the first resource; empty string when neither is there. */
    public String region() {
        ObjectNode asff = asff();
        return Json.text(asff, "Region").or(() -> Json.text(asff.path("Resources").path(0), "Region")).orElse("");
    }

    /** {@code Title}; empty string when missing. */
    public String title() {
        return Json.text(asff(), "Title").orElse("");
    }

    /**
     * The severity label: {@code Severity.Label}, else derived from {@code Severity.Normalized} (0 informational,
     * 1-39 low, 40-69 medium, 70-89 high, 90-100 critical); empty when neither is usable.
     */
    public Optional<String> severityLabel() {
        return Severities.label(asff().path("Severity"));
    }

    /** Whether {@code Severity} has a {@code Normalized} score but no {@code Label}. */
    public boolean severityFromNormalizedOnly() {
        JsonNode severity = asff().path("Severity");
        return !severity.has("Label") && severity.path("Normalized").isNumber();
    }

    /** {@code Compliance.Status}; empty for findings without a Compliance block (GuardDuty, Inspector). */
    public Optional<String> complianceStatus() {
        return Json.text(asff().path("Compliance"), "Status");
    }

    /** Whether the finding is a control result (it has a Compliance status). */
    public boolean isControlFinding() {
        return complianceStatus().isPresent();
    }

    /** {@code RecordState}, {@code ACTIVE} or {@code ARCHIVED}; empty string when missing. */
    public String recordState() {
        return Json.text(asff(), "RecordState").orElse("");
    }

    /** {@code Workflow.Status}, such as {@code NEW} or {@code SUPPRESSED}; empty string when missing. */
    public String workflowStatus() {
        return Json.text(asff().path("Workflow"), "Status").orElse("");
    }

    /** The types of the finding's resources, such as {@code AwsEc2Instance}. */
    public List<String> resourceTypes() {
        return resources().stream().map(r -> Json.text(r, "Type").orElse("")).collect(Collectors.toList());
    }

    /** The IDs of the finding's resources. */
    public List<String> resourceIds() {
        return resources().stream().map(r -> Json.text(r, "Id").orElse("")).collect(Collectors.toList());
    }

    /** {@code UpdatedAt} as an instant; empty when missing or not in an accepted form. */
    public Optional<Instant> updatedAt() {
        return Timestamps.parse(Json.text(asff(), "UpdatedAt").orElse(null));
    }

    /** {@code UpdatedAt} exactly as written in the finding. */
    public Optional<String> updatedAtText() {
        return Json.text(asff(), "UpdatedAt");
    }

    /**
     * The standard a CIS control finding belongs to, read from its generator ID: {@code 1.2.0} for
     * {@code arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3}, {@code 1.4.0} for
     * {@code cis-aws-foundations-benchmark/v/1.4.0/3.7}; empty for other findings.
     */
    public Optional<String> cisVersion() {
        String generator = generatorId();
        int at = generator.indexOf("cis-aws-foundations-benchmark/v/");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = generator.substring(at + "cis-aws-foundations-benchmark/v/".length());
        int slash = rest.indexOf('/');
        return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
    }

    /** The CIS control ID, the last segment of a CIS generator ID ({@code 1.3}, {@code 3.7}); else empty. */
    public Optional<String> cisControlId() {
        return cisVersion().map(v -> generatorId().substring(generatorId().lastIndexOf('/') + 1));
    }

    private List<JsonNode> resources() {
        JsonNode resources = asff().path("Resources");
        return StreamSupport.stream(resources.spliterator(), false).collect(Collectors.toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeedFinding that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "SeedFinding[" + id() + "]";
    }
}
