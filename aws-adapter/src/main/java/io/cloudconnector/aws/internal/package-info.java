/** AWS clients, wire-to-core mapping and error translation; not exported. */
package io.cloudconnector.aws.internal;
