package io.cloudconnector.aws.internal;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ResiliencePolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Creates and caches the AWS SDK clients: one per account, authentication, service and region, all sharing one HTTP
 * client, and the {@link AwsCalls} every call goes through.
 *
 * <p>Every client, the one that assumes roles included, has the AWS SDK's retries switched off
 * ({@link AwsRetryStrategy#doNotRetry()}): {@link AwsCalls} is the one layer that retries, so attempts never
 * multiply. Each has the policy's attempt timeout ({@code apiCallAttemptTimeout}) and whole-call timeout
 * ({@code apiCallTimeout}). The Security Hub clients read {@code GetFindings} answers through
 * {@link FindingsBodyFilter}. Thread-safe.
 */
public final class AwsClients implements AutoCloseable {

    /** The session name the SDK assumes roles with, visible in CloudTrail. */
    static final String ROLE_SESSION_NAME = "cloud-connector-sdk";

    private final CloudEndpoints endpoints;
    private final ResiliencePolicy policy;
    private final AwsCalls calls;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider baseCredentials;
    private final Map<String, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();
    private final Map<String, SdkAutoCloseable> clients;
    /** Whether every client of this instance uses the base credentials, whatever the spec's authentication. */
    private final boolean baseIdentity;

    /** Clients for {@code endpoints}, whose calls run under {@code policy}. */
    public AwsClients(CloudEndpoints endpoints, ResiliencePolicy policy) {
        this(endpoints, policy, new AwsCalls(policy));
    }

    /** Clients whose calls run through {@code calls}. */
    AwsClients(CloudEndpoints endpoints, ResiliencePolicy policy, AwsCalls calls) {
        CredentialLoggers.warnIfOn();
        this.endpoints = endpoints;
        this.policy = policy;
        this.calls = calls;
        this.httpClient = ApacheHttpClient.builder().maxConnections(64).build();
        this.baseCredentials = endpoints.awsCredentials()
            .<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey().reveal())))
            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        this.clients = new ConcurrentHashMap<>();
        this.baseIdentity = false;
    }

    private AwsClients(AwsClients shared) {
        this.endpoints = shared.endpoints;
        this.policy = shared.policy;
        this.calls = shared.calls;
        this.httpClient = shared.httpClient;
        this.baseCredentials = shared.baseCredentials;
        this.clients = shared.clients;
        this.baseIdentity = true;
    }

    /**
     * A view of these clients whose calls all use the base credentials, not the spec's: for provisioning, which
     * creates the spec's role and user. It shares the HTTP client and the cache, and is closed with this instance;
     * closing the view closes both.
     */
    public AwsClients baseIdentity() {
        return baseIdentity ? this : new AwsClients(this);
    }

    /**
     * The S3 client of {@code region} for the spec's account. Path-style addressing when the endpoint is overridden
     * (a bucket name cannot become a host name of a local endpoint); a bucket in another region is followed there.
     */
    public S3Client s3(ConnectorSpec spec, String region) {
        return client(spec, "s3", region, r -> configure(S3Client.builder(), spec, r)
            .forcePathStyle(endpoint().isPresent()).crossRegionAccessEnabled(true).build());
    }

    /** Where every call goes through: retries, circuit breakers, rate limits, paging checks. */
    public AwsCalls calls() {
        return calls;
    }

    /** The EC2 client of {@code region} for the spec's account. */
    public Ec2Client ec2(ConnectorSpec spec, String region) {
        return client(spec, "ec2", region, r -> configure(Ec2Client.builder(), spec, r).build());
    }

    /** The SSM client of {@code region} for the spec's account. */
    public SsmClient ssm(ConnectorSpec spec, String region) {
        return client(spec, "ssm", region, r -> configure(SsmClient.builder(), spec, r).build());
    }

    /** The AWS Config client of {@code region} for the spec's account. */
    public ConfigClient config(ConnectorSpec spec, String region) {
        return client(spec, "config", region, r -> configure(ConfigClient.builder(), spec, r).build());
    }

    /** The Security Hub client of {@code region} for the spec's account. */
    public SecurityHubClient securityHub(ConnectorSpec spec, String region) {
        return client(spec, "securityhub", region, r -> configure(SecurityHubClient.builder(), spec, r)
            .overrideConfiguration(overrides().addExecutionInterceptor(new FindingsBodyFilter()).build())
            .build());
    }

    /** The STS client of {@code region} for the spec's account (with the spec's credentials, role assumed). */
    public StsClient sts(ConnectorSpec spec, String region) {
        return client(spec, "sts", region, r -> configure(StsClient.builder(), spec, r).build());
    }

    /** The IAM client (a global service, signed for us-east-1 in the aws partition) for the spec's account. */
    public IamClient iam(ConnectorSpec spec) {
        return client(spec, "iam", "aws-global", r -> configure(IamClient.builder(), spec, r).build());
    }

    /** The region IAM and STS calls of a global service are signed for. */
    public static String globalRegion() {
        return Region.US_EAST_1.id();
    }

    /** The credentials the spec's calls are made with: its access keys, or its role assumed from the base ones. */
    public AwsCredentialsProvider credentials(ConnectorSpec spec) {
        if (baseIdentity) {
            return baseCredentials;
        }
        return credentials.computeIfAbsent(credentialsKey(spec), key -> newCredentials(spec));
    }

    private AwsCredentialsProvider newCredentials(ConnectorSpec spec) {
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys keys) {
            return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey().reveal()));
        }
        AwsAuthentication.AssumeRole role = (AwsAuthentication.AssumeRole) spec.authentication();
        StsClient baseSts = client(null, "sts-base", globalRegion(),
            r -> configure(StsClient.builder(), baseCredentials, r).build());
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
            .stsClient(baseSts)
            .refreshRequest(request -> request.roleArn(role.roleArn())
                .roleSessionName(ROLE_SESSION_NAME)
                .externalId(spec.externalId().orElseThrow()))
            .asyncCredentialUpdateEnabled(false)
            .build();
        clients.put("credentials|" + credentialsKey(spec), provider);
        return provider;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, ConnectorSpec spec,
        String region) {
        return configure(builder, credentials(spec), region);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
        AwsCredentialsProvider provider, String region) {
        builder.region("aws-global".equals(region) ? Region.AWS_GLOBAL : Region.of(region))
            .credentialsProvider(provider);
        builder.httpClient(httpClient);
        builder.overrideConfiguration(overrides().build());
        endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** No retries of the AWS SDK's own, and the policy's timeouts. */
    private ClientOverrideConfiguration.Builder overrides() {
        return ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(policy.attemptTimeout())
            .apiCallTimeout(policy.callTimeout());
    }

    private Optional<URI> endpoint() {
        return endpoints.aws();
    }

    @SuppressWarnings("unchecked")
    private <T extends SdkAutoCloseable> T client(ConnectorSpec spec, String service, String region,
        Function<String, T> factory) {
        String key = (spec == null || baseIdentity ? "base" : credentialsKey(spec)) + "|" + service + "|" + region;
        return (T) clients.computeIfAbsent(key, k -> factory.apply(region));
    }

    private static String credentialsKey(ConnectorSpec spec) {
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys keys) {
            return spec.awsAccountId() + "|keys|" + keys.accessKeyId();
        }
        AwsAuthentication.AssumeRole role = (AwsAuthentication.AssumeRole) spec.authentication();
        return spec.awsAccountId() + "|role|" + role.roleArn() + "|" + spec.externalId().orElse("");
    }

    @Override
    public void close() {
        List<SdkAutoCloseable> open = new ArrayList<>(clients.values());
        clients.clear();
        open.forEach(SdkAutoCloseable::close);
        httpClient.close();
    }
}
