/** The ARM and Microsoft Graph pipelines, wire models and error translation; not exported. */
package io.cloudconnector.azure.internal;
