package io.cloudconnector.spi;

import java.util.List;

/**
 * Custom assessments in Defender for Cloud: one metadata entry per control, one assessment per resource. Writes are
 * PUTs, so writing the same content twice changes nothing.
 */
public interface AssessmentPort {

    /** Creates or updates a custom assessment's metadata at subscription scope. */
    void putMetadata(String subscriptionId, AssessmentMetadata metadata);

    /** Creates or updates one assessment on one resource. */
    void putAssessment(AssessmentRecord assessment);

    /** Every assessment of the given metadata name under {@code scopeId} (a subscription or resource ID). */
    List<AssessmentRecord> listAssessments(String scopeId, String metadataName);
}
