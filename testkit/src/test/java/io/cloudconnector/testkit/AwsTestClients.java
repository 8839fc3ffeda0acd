package io.cloudconnector.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** Real aws-sdk-java-v2 clients pointed at a sandbox, with static credentials and no SDK retries. */
final class AwsTestClients implements AutoCloseable {

    private final CloudSandbox sandbox;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    AwsTestClients(CloudSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Configures {@code builder} for {@code region} with the sandbox's base credentials. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        SandboxSeed.AccessKey key = sandbox.seed().baseCredentials();
        return build(builder, region, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    /** Configures {@code builder} for {@code region} with {@code credentials}. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region,
        AwsCredentials credentials) {
        return builder.endpointOverride(sandbox.awsUri()).region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(credentials)).httpClient(http)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Override
    public void close() {
        http.close();
    }
}
