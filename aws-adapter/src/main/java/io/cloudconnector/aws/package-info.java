/** The AWS side of the SDK: build an {@link io.cloudconnector.aws.AwsAdapter} and hand it to the client. */
package io.cloudconnector.aws;
