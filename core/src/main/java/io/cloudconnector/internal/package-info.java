/** Implementation details of the core module; not exported, not part of the API. */
package io.cloudconnector.internal;
