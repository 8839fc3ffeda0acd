package io.cloudconnector;

/** The steps of one account's run in a fleet, in the order they run ({@link AccountRun}). */
public enum AccountStep {

    /** {@link ConnectorClient#checkReadiness(ConnectorSpec)}. */
    READINESS,

    /** {@link ConnectorClient#connect(ConnectorSpec, ConnectOptions)}. */
    CONNECT,

    /** {@link ConnectorClient#discover(ConnectorSpec, SupportedOsTable, FleetListener)}. */
    DISCOVER,

    /**
     * {@link ConnectorClient#onboard(ConnectorSpec, DiscoveryResult, OnboardingOptions)}; runs only after
     * {@link #DISCOVER}, and only for a spec with Azure Arc settings.
     */
    ONBOARD
}
