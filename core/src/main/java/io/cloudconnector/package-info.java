/**
 * The public API of the connector SDK: the {@link io.cloudconnector.ConnectorSpec} a host describes, the
 * {@link io.cloudconnector.ConnectorClient} that acts on it, and the immutable results it returns.
 */
package io.cloudconnector;
