/** The Azure side of the SDK: build an {@link io.cloudconnector.azure.AzureAdapter} and hand it to the client. */
package io.cloudconnector.azure;
