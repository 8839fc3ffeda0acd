package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The control result a finding carries: present only for findings of a Security Hub control, which have a
 * {@code Compliance} block. GuardDuty, Inspector and partner findings have none and are neither passed nor failed.
 */
@Value.Immutable
@ValueStyle
public abstract class FindingCompliance {

    /** A builder; the status is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The result of the check. */
    public abstract ComplianceStatus status();

    /**
     * The control the finding is a result of, first found of: {@code Compliance.SecurityControlId} (such as
     * {@code IAM.6}); the CIS generator ID, as {@code cis-aws-foundations-benchmark/v/1.2.0/1.3}; the first CIS
     * entry of the related requirements, in the same form; the first related requirement as written. Empty when
     * none of these is present.
     */
    public abstract Optional<String> controlId();

    /** The requirements of compliance frameworks the control maps to, such as {@code NIST.800-53.r5 AC-2}. */
    public abstract List<String> relatedRequirements();

    /** The IDs of the standards the control belongs to, such as {@code standards/aws-foundational-...}. */
    public abstract List<String> associatedStandards();

    /** Builds a {@link FindingCompliance}. */
    public static class Builder extends ImmutableFindingCompliance.Builder {
    }
}
