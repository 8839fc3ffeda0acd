package io.cloudconnector.spi;

import java.util.Map;
import org.immutables.value.Value;

/** One assessment ({@code {resourceId}/providers/Microsoft.Security/assessments/{metadataName}}). */
@Value.Immutable
public interface AssessmentRecord {

    /** The Azure resource ID the assessment is attached to. */
    String resourceId();

    /** The metadata's name (a GUID). */
    String metadataName();

    /** {@code Healthy}, {@code Unhealthy} or {@code NotApplicable}. */
    String statusCode();

    String cause();

    String description();

    /** Extra key-value data shown with the assessment. */
    Map<String, String> additionalData();

    static ImmutableAssessmentRecord.Builder builder() {
        return ImmutableAssessmentRecord.builder();
    }
}
