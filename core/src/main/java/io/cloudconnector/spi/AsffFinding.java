package io.cloudconnector.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One finding in the AWS Security Finding Format, exactly as Security Hub sent it: unchecked, enumerations and times
 * as text, any field possibly missing. Core checks it and turns it into an {@link io.cloudconnector.Finding}, or
 * skips it with a reason.
 */
@Value.Immutable
public interface AsffFinding {

    /** {@code Id}. */
    Optional<String> id();

    /** {@code ProductArn}. */
    Optional<String> productArn();

    /** {@code ProductName}. */
    Optional<String> productName();

    /** {@code GeneratorId}. */
    Optional<String> generatorId();

    /** {@code AwsAccountId}. */
    Optional<String> awsAccountId();

    /** {@code Region}. */
    Optional<String> region();

    /** {@code Title}. */
    Optional<String> title();

    /** {@code Description}. */
    Optional<String> description();

    /** {@code Severity.Label} as sent, such as {@code HIGH}. */
    Optional<String> severityLabel();

    /** {@code Severity.Normalized}, 0 to 100 when valid. */
    Optional<Integer> severityNormalized();

    /** {@code CreatedAt} as sent (ISO 8601 text). */
    Optional<String> createdAt();

    /** {@code UpdatedAt} as sent. */
    Optional<String> updatedAt();

    /** {@code FirstObservedAt} as sent. */
    Optional<String> firstObservedAt();

    /** {@code LastObservedAt} as sent. */
    Optional<String> lastObservedAt();

    /** {@code RecordState} as sent. */
    Optional<String> recordState();

    /** {@code Workflow.Status} as sent. */
    Optional<String> workflowStatus();

    /** {@code Resources}. */
    List<AsffResource> resources();

    /** The {@code Compliance} block; empty when the finding has none. */
    Optional<AsffCompliance> compliance();

    /** {@code Remediation.Recommendation.Text}. */
    Optional<String> remediationText();

    /** {@code Remediation.Recommendation.Url}. */
    Optional<String> remediationUrl();

    /** {@code ProductFields}. */
    Map<String, String> productFields();

    static ImmutableAsffFinding.Builder builder() {
        return ImmutableAsffFinding.builder();
    }

    /** One entry of {@code Resources}. */
    @Value.Immutable
    interface AsffResource {

        /** {@code Type}. */
        Optional<String> type();

        /** {@code Id}. */
        Optional<String> id();

        /** {@code Partition}. */
        Optional<String> partition();

        /** {@code Region}. */
        Optional<String> region();

        static ImmutableAsffResource.Builder builder() {
            return ImmutableAsffResource.builder();
        }
    }

    /** The {@code Compliance} block. */
    @Value.Immutable
    interface AsffCompliance {

        /** {@code Status} as sent. */
        Optional<String> status();

        /** {@code SecurityControlId}. */
        Optional<String> securityControlId();

        /** {@code RelatedRequirements}. */
        List<String> relatedRequirements();

        /** The {@code StandardsId} of each entry of {@code AssociatedStandards}. */
        List<String> associatedStandards();

        static ImmutableAsffCompliance.Builder builder() {
            return ImmutableAsffCompliance.builder();
        }
    }
}
