package io.cloudconnector;

/**
 * The status of one control of a standard, as the Security Hub console shows it, from the control's current
 * (ACTIVE, not suppressed) findings across the regions read.
 */
public enum ControlStatus {
    /** Enabled; no resource failed and at least one passed (WARNING and NOT_AVAILABLE results count neither way). */
    PASSED,
    /** Enabled, and at least one resource failed. */
    FAILED,
    /** Enabled, but no current finding says passed or failed (none yet, or only WARNING / NOT_AVAILABLE). */
    NO_DATA,
    /** Disabled in every region where its standard is enabled, so not checked. */
    DISABLED
}
