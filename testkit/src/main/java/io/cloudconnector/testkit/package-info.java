/** A local sandbox of every AWS and Azure endpoint the SDK calls, seeded with a realistic account. */
package io.cloudconnector.testkit;
