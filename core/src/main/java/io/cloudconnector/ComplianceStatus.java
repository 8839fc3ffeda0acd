package io.cloudconnector;

/** The result of a control check on a resource, as Security Hub's {@code Compliance.Status} names it. */
public enum ComplianceStatus {
    /** The resource passed the check. */
    PASSED,
    /** The check could not be completed; the result is unknown. */
    WARNING,
    /** The resource failed the check. */
    FAILED,
    /** The check could not run (a server error, or the resource was deleted); such findings archive after 3 days. */
    NOT_AVAILABLE
}
