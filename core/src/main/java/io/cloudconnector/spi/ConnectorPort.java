package io.cloudconnector.spi;

import io.cloudconnector.ConnectorGeneration;
import java.util.List;
import java.util.Optional;

/**
 * The connector resource in Azure, both generations, and resource provider registration. Methods throw
 * {@link io.cloudconnector.ConnectorException} subtypes carrying the ARM error code and message.
 */
public interface ConnectorPort {

    /** The connector at {@code key}; empty when it does not exist. */
    Optional<ConnectorResource> get(ConnectorKey key);

    /**
     * Creates or replaces the connector with {@code resource} (one PUT, waiting for a long-running operation to end)
     * and returns it as Azure answered. Secrets in {@code resource} are sent; the classic generation needs them on
     * every write.
     */
    ConnectorResource put(ConnectorResource resource);

    /** Deletes the connector; {@code false} when there was none. */
    boolean delete(ConnectorKey key);

    /** Every AWS connector of one generation in the subscription, every page read; other clouds' entries skipped. */
    List<ConnectorResource> list(ConnectorGeneration generation, String subscriptionId);

    /** The registration of one resource provider in the subscription. */
    ResourceProvider provider(String subscriptionId, String namespace);

    /**
     * Registers one resource provider in the subscription and waits, up to the adapter's operation timeout, until it
     * reports {@code Registered}; returns the last state seen.
     */
    ResourceProvider register(String subscriptionId, String namespace);
}
