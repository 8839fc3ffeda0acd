package io.cloudconnector.spi;

/**
 * Security Hub findings, standards and controls, one region per call. Methods throw
 * {@link io.cloudconnector.ConnectorException} subtypes when AWS answers with an error.
 */
public interface FindingsPort {
}
