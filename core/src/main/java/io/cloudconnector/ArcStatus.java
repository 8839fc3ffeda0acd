package io.cloudconnector;

/** Where an EC2 instance stands in Azure Arc, as its {@code Microsoft.HybridCompute/machines} resource reports. */
public enum ArcStatus {

    /** The Arc machine exists and its agent is connected. */
    CONNECTED,

    /** The Arc machine exists but its agent is not connected (Arc's {@code Disconnected} or {@code Expired}). */
    DISCONNECTED,

    /** The Arc machine exists and reports an error. */
    ERROR,

    /** No Arc machine in the spec's resource group matches the instance. */
    NOT_ONBOARDED
}
