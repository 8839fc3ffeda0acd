package io.cloudconnector;

/** Which Azure resource represents the connector. */
public enum ConnectorGeneration {
    /**
     * {@code Microsoft.Security/connectors} (api-version 2020-01-01-preview), at subscription scope, as Azure Security
     * Center documented it. The default: it is the flow this SDK reproduces end to end.
     */
    CLASSIC,
    /**
     * {@code Microsoft.Security/securityConnectors} (api-version 2024-08-01-preview), in the Arc resource group, as
     * Defender for Cloud works today.
     */
    CURRENT
}
