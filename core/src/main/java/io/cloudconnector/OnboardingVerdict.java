package io.cloudconnector;

/**
 * Whether an EC2 instance can be onboarded to Azure Arc now, and if not, why. The rules are tried in the order of the
 * constants below, after {@link #ELIGIBLE}: the first that applies decides.
 */
public enum OnboardingVerdict {

    /** Running, SSM agent online, operating system in the supported-OS table, not yet connected to Arc. */
    ELIGIBLE,

    /** Its Arc machine is {@link ArcStatus#CONNECTED}: nothing to do. */
    ALREADY_CONNECTED,

    /** Not in the {@code running} state: Run Command cannot reach it. */
    NOT_RUNNING,

    /** No SSM agent reports for it: Run Command cannot reach it. */
    NO_SSM_AGENT,

    /** Its SSM agent reports, but its ping status is not {@code Online}. */
    SSM_OFFLINE,

    /** Its operating system matches no row of the {@link SupportedOsTable}. */
    UNSUPPORTED_OS
}
