/** Runnable programs that drive the SDK against the local sandbox or the real clouds. */
package io.cloudconnector.examples;
