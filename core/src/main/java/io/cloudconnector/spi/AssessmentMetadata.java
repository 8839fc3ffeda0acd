package io.cloudconnector.spi;

import org.immutables.value.Value;

/** A custom assessment's metadata ({@code Microsoft.Security/assessmentMetadata}). */
@Value.Immutable
public interface AssessmentMetadata {

    /** The metadata's resource name: a GUID, stable for a control. */
    String name();

    String displayName();

    /** {@code Low}, {@code Medium} or {@code High}. */
    String severity();

    String description();

    String remediationDescription();

    static ImmutableAssessmentMetadata.Builder builder() {
        return ImmutableAssessmentMetadata.builder();
    }
}
