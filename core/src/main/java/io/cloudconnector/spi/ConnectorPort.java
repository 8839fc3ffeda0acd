package io.cloudconnector.spi;

/**
 * The connector resource in Azure, both generations, and resource provider registration. Methods throw
 * {@link io.cloudconnector.ConnectorException} subtypes carrying the ARM error code and message.
 */
public interface ConnectorPort {
}
