package io.cloudconnector;

/** Where a person is in handling a finding, as Security Hub's {@code Workflow.Status} names it. */
public enum WorkflowStatus {
    /** Not looked at yet; Security Hub's default. */
    NEW,
    /** Someone was told about it. */
    NOTIFIED,
    /** Someone fixed it or decided it needs no action. */
    RESOLVED,
    /** Someone decided not to act on it. */
    SUPPRESSED
}
