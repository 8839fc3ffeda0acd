/** The ARM pipeline, wire models and error translation; not exported. */
package io.cloudconnector.azure.internal;
