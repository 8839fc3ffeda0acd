package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One Security Hub finding, read from the AWS Security Finding Format (ASFF) and checked: every required field is
 * present, every enumerated value known, every time parsed. A finding that fails those checks never becomes a
 * {@code Finding}; it is skipped and reported to the {@link FindingsListener}.
 *
 * <p>A finding is identified by its product ARN and ID together ({@link #key()}).
 */
@Value.Immutable
@ValueStyle
public abstract class Finding {

    /** A builder; optional values default to empty, the workflow status to NEW, the record state to ACTIVE. */
    public static Builder builder() {
        return new Builder();
    }

    /** The finding's ID, unique for its product. */
    public abstract String id();

    /** The ARN of the product that generated it, such as {@code arn:aws:securityhub:us-east-1::product/aws/...}. */
    public abstract String productArn();

    /** The product's name, such as {@code Security Hub} or {@code GuardDuty}, when given. */
    public abstract Optional<String> productName();

    /** The ID of the rule or check that generated it, such as {@code security-control/IAM.6}. */
    public abstract String generatorId();

    /** The 12-digit AWS account the finding is about. */
    public abstract String awsAccountId();

    /** The region the finding was generated in; when ASFF omits it, the region it was read from. */
    public abstract String region();

    /** The finding's title. */
    public abstract String title();

    /** The finding's description. */
    public abstract String description();

    /** How severe it is. */
    public abstract Severity severity();

    /** The resources it is about; at least one. */
    public abstract List<FindingResource> resources();

    /** The control result, for findings of a Security Hub control; empty for every other finding. */
    public abstract Optional<FindingCompliance> compliance();

    /** Where a person is in handling it; NEW when ASFF has no workflow. */
    @Value.Default
    public WorkflowStatus workflowStatus() {
        return WorkflowStatus.NEW;
    }

    /** Whether it is current; ACTIVE when ASFF has no record state. */
    @Value.Default
    public RecordState recordState() {
        return RecordState.ACTIVE;
    }

    /** When the finding was created. */
    public abstract Instant createdAt();

    /** When the finding was last changed; Security Hub sorts and filters on it. */
    public abstract Instant updatedAt();

    /** When the issue was first seen, when given. */
    public abstract Optional<Instant> firstObservedAt();

    /** When the issue was most recently seen, when given. */
    public abstract Optional<Instant> lastObservedAt();

    /** What to do about it, in words, when given. */
    public abstract Optional<String> remediationText();

    /** Where to read about the fix, when given. */
    public abstract Optional<String> remediationUrl();

    /** The product's own extra fields, name to value. */
    public abstract Map<String, String> productFields();

    /** The identity of the finding: its product ARN and ID, joined by one space (ARNs hold no spaces). */
    public String key() {
        return productArn() + ' ' + id();
    }

    @Value.Check
    protected void check() {
        if (resources().isEmpty()) {
            throw new IllegalArgumentException("A finding needs at least one resource: " + id());
        }
    }

    /** Builds a {@link Finding}. */
    public static class Builder extends ImmutableFinding.Builder {
    }
}
