package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One control of an enabled standard in one region ({@code DescribeStandardsControls}). */
@Value.Immutable
public interface StandardsControlFacts {

    /** {@code StandardsControlArn}, such as {@code arn:aws:securityhub:...:control/cis-.../v/1.2.0/1.1}. */
    String standardsControlArn();

    /** {@code ControlId}, such as {@code CIS.1.1} (CIS 1.2.0) or {@code 1.1} (later CIS versions). */
    String controlId();

    /** {@code Title}. */
    Optional<String> title();

    /** {@code ControlStatus}: {@code ENABLED} or {@code DISABLED}. */
    String status();

    /** {@code SeverityRating}: {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}, when given. */
    Optional<String> severityRating();

    /** {@code RelatedRequirements}, such as {@code CIS AWS Foundations Benchmark v1.2.0/1.1}. */
    List<String> relatedRequirements();

    static ImmutableStandardsControlFacts.Builder builder() {
        return ImmutableStandardsControlFacts.builder();
    }
}
