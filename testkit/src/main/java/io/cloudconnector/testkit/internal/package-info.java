/** The sandbox's machinery: WireMock dispatch, wire protocols, per-service handlers and the shared state. */
package io.cloudconnector.testkit.internal;
