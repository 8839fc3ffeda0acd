package io.cloudconnector.aws.internal;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.BucketFacts;
import io.cloudconnector.spi.DeliveryChannelFacts;
import io.cloudconnector.spi.ProvisioningPort;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.DeliveryChannel;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.securityhub.model.ResourceConflictException;
import software.amazon.awssdk.services.securityhub.model.StandardsSubscriptionRequest;

/**
 * The provisioning port over aws-sdk-java-v2: the facts provisioning needs beyond the readiness ones, and the writes.
 * Every call uses the base credentials (see {@link AwsClients#baseIdentity()}), never the spec's. Errors go through
 * {@link AwsCalls}, named by the IAM action they need. The secret of a created access key is handed over as a
 * {@link Secret} and never logged.
 */
public final class AwsProvisioning implements ProvisioningPort {

    /** Where the global S3 and IAM reads are made; S3 follows a bucket to its own region. */
    private static final String HOME_REGION = AwsClients.globalRegion();
    private static final String SLR_TAKEN = "has been taken";
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    private final AwsClients clients;

    /** A port over the base identity of {@code clients}, which stay owned (and closed) by the caller. */
    public AwsProvisioning(AwsClients clients) {
        this.clients = clients.baseIdentity();
    }

    @Override
    public AccountPort account() {
        return new AwsAccountFacts(clients);
    }

    @Override
    public List<DeliveryChannelFacts> deliveryChannels(ConnectorSpec spec, String region) {
        return clients.calls().call(spec.awsAccountId(), "config:DescribeDeliveryChannels", region,
            () -> clients.config(spec, region).describeDeliveryChannels(request -> { }).deliveryChannels())
            .stream().map(channel -> DeliveryChannelFacts.builder().name(channel.name())
                .s3BucketName(Optional.ofNullable(channel.s3BucketName())).build())
            .toList();
    }

    /**
     * {@inheritDoc} {@code HeadBucket} with the account as expected owner (so that another account's bucket answers
     * 403), then, in the bucket's region, its encryption, public access block and policy; their "not configured"
     * answers mean not set.
     */
    @Override
    public Optional<BucketFacts> bucket(ConnectorSpec spec, String bucketName) {
        Optional<HeadBucketResponse> head;
        try {
            head = clients.calls().call(spec.awsAccountId(), "s3:ListBucket", HOME_REGION,
                () -> Optional.of(clients.s3(spec, HOME_REGION)
                .headBucket(request -> request.bucket(bucketName).expectedBucketOwner(spec.awsAccountId()))));
        } catch (CloudServiceException e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            if (e.statusCode() == FORBIDDEN) {
                return Optional.of(BucketFacts.builder().name(bucketName).accessible(false).encrypted(false)
                    .publicAccessBlocked(false).build());
            }
            throw e;
        }
        Optional<String> region = head.map(HeadBucketResponse::bucketRegion);
        S3Client s3 = clients.s3(spec, region.orElse(HOME_REGION));
        String where = region.orElse(HOME_REGION);
        boolean encrypted = absentAs(spec, false, "s3:GetEncryptionConfiguration", where,
            "ServerSideEncryptionConfigurationNotFoundError",
            () -> s3.getBucketEncryption(request -> request.bucket(bucketName)).serverSideEncryptionConfiguration()
                != null);
        boolean blocked = absentAs(spec, false, "s3:GetBucketPublicAccessBlock", where,
            "NoSuchPublicAccessBlockConfiguration",
            () -> allBlocked(s3.getPublicAccessBlock(request -> request.bucket(bucketName))
                .publicAccessBlockConfiguration()));
        Optional<String> policy = absentAs(spec, Optional.empty(), "s3:GetBucketPolicy", where, "NoSuchBucketPolicy",
            () -> Optional.ofNullable(s3.getBucketPolicy(request -> request.bucket(bucketName)).policy()));
        return Optional.of(BucketFacts.builder().name(bucketName).accessible(true).region(region)
            .encrypted(encrypted).publicAccessBlocked(blocked).policy(policy).build());
    }

    @Override
    public List<String> accessKeyIds(ConnectorSpec spec, String userName) {
        return clients.calls().call(spec.awsAccountId(), "iam:ListAccessKeys", null, () -> clients.iam(spec)
            .listAccessKeysPaginator(request -> request.userName(userName)).accessKeyMetadata().stream()
            .map(AccessKeyMetadata::accessKeyId).toList());
    }

    /** {@inheritDoc} Security Hub's "already subscribed" ({@code ResourceConflictException}) counts as done. */
    @Override
    public void enableSecurityHub(ConnectorSpec spec, String region) {
        clients.calls().callNotIdempotent(spec.awsAccountId(), "securityhub:EnableSecurityHub", region, () -> {
            try {
                clients.securityHub(spec, region).enableSecurityHub(request -> request.enableDefaultStandards(false));
            } catch (ResourceConflictException alreadyEnabled) {
                return null;
            }
            return null;
        });
    }

    @Override
    public void enableStandard(ConnectorSpec spec, String region, String standardsArn) {
        clients.calls().callNotIdempotent(spec.awsAccountId(), "securityhub:BatchEnableStandards", region,
            () -> clients.securityHub(spec, region)
            .batchEnableStandards(request -> request.standardsSubscriptionRequests(
                StandardsSubscriptionRequest.builder().standardsArn(standardsArn).build())));
    }

    /** {@inheritDoc} IAM's "role name has been taken" for the service's own role counts as done. */
    @Override
    public void createServiceLinkedRole(ConnectorSpec spec, String serviceName) {
        clients.calls().callNotIdempotent(spec.awsAccountId(), "iam:CreateServiceLinkedRole", null, () -> {
            try {
                clients.iam(spec).createServiceLinkedRole(request -> request.awsServiceName(serviceName));
            } catch (InvalidInputException e) {
                if (e.getMessage() == null || !e.getMessage().contains(SLR_TAKEN)) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void putConfigRecorder(ConnectorSpec spec, String region, String name, String roleArn,
        boolean includeGlobalResourceTypes) {
        ConfigurationRecorder recorder = ConfigurationRecorder.builder().name(name).roleARN(roleArn)
            .recordingGroup(RecordingGroup.builder().allSupported(true)
                .includeGlobalResourceTypes(includeGlobalResourceTypes).build())
            .build();
        clients.calls().call(spec.awsAccountId(), "config:PutConfigurationRecorder", region,
            () -> clients.config(spec, region)
            .putConfigurationRecorder(request -> request.configurationRecorder(recorder)));
    }

    @Override
    public void putDeliveryChannel(ConnectorSpec spec, String region, String name, String bucketName) {
        DeliveryChannel channel = DeliveryChannel.builder().name(name).s3BucketName(bucketName).build();
        clients.calls().call(spec.awsAccountId(), "config:PutDeliveryChannel", region,
            () -> clients.config(spec, region)
            .putDeliveryChannel(request -> request.deliveryChannel(channel)));
    }

    @Override
    public void startConfigRecorder(ConnectorSpec spec, String region, String recorderName) {
        clients.calls().call(spec.awsAccountId(), "config:StartConfigurationRecorder", region,
            () -> clients.config(spec, region)
            .startConfigurationRecorder(request -> request.configurationRecorderName(recorderName)));
    }

    /** {@inheritDoc} Outside us-east-1 the region is given as the location constraint, as S3 requires. */
    @Override
    public void createBucket(ConnectorSpec spec, String region, String bucketName) {
        clients.calls().callNotIdempotent(spec.awsAccountId(), "s3:CreateBucket", region, () -> {
            try {
                clients.s3(spec, region).createBucket(request -> {
                    request.bucket(bucketName);
                    if (!HOME_REGION.equals(region)) {
                        request.createBucketConfiguration(configuration -> configuration.locationConstraint(region));
                    }
                });
            } catch (BucketAlreadyOwnedByYouException alreadyOwned) {
                return null;
            }
            return null;
        });
    }

    @Override
    public void blockPublicAccess(ConnectorSpec spec, String region, String bucketName) {
        PublicAccessBlockConfiguration all = PublicAccessBlockConfiguration.builder().blockPublicAcls(true)
            .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();
        clients.calls().call(spec.awsAccountId(), "s3:PutBucketPublicAccessBlock", region,
            () -> clients.s3(spec, region)
            .putPublicAccessBlock(request -> request.bucket(bucketName).publicAccessBlockConfiguration(all)));
    }

    @Override
    public void encryptBucket(ConnectorSpec spec, String region, String bucketName) {
        ServerSideEncryptionRule sseS3 = ServerSideEncryptionRule.builder()
            .applyServerSideEncryptionByDefault(encryption -> encryption.sseAlgorithm(ServerSideEncryption.AES256))
            .build();
        clients.calls().call(spec.awsAccountId(), "s3:PutEncryptionConfiguration", region,
            () -> clients.s3(spec, region)
            .putBucketEncryption(request -> request.bucket(bucketName)
                .serverSideEncryptionConfiguration(configuration -> configuration.rules(sseS3))));
    }

    @Override
    public void putBucketPolicy(ConnectorSpec spec, String region, String bucketName, String policy) {
        clients.calls().call(spec.awsAccountId(), "s3:PutBucketPolicy", region, () -> clients.s3(spec, region)
            .putBucketPolicy(request -> request.bucket(bucketName).policy(policy)));
    }

    @Override
    public String createRole(ConnectorSpec spec, String roleName, String trustPolicy, String description) {
        return clients.calls().callNotIdempotent(spec.awsAccountId(), "iam:CreateRole", null,
            () -> clients.iam(spec).createRole(request -> request
            .roleName(roleName).assumeRolePolicyDocument(trustPolicy).description(description)).role().arn());
    }

    @Override
    public void attachRolePolicy(ConnectorSpec spec, String roleName, String policyArn) {
        clients.calls().call(spec.awsAccountId(), "iam:AttachRolePolicy", null, () -> clients.iam(spec)
            .attachRolePolicy(request -> request.roleName(roleName).policyArn(policyArn)));
    }

    @Override
    public void createUser(ConnectorSpec spec, String userName) {
        clients.calls().callNotIdempotent(spec.awsAccountId(), "iam:CreateUser", null,
            () -> clients.iam(spec).createUser(request -> request.userName(userName)));
    }

    @Override
    public void attachUserPolicy(ConnectorSpec spec, String userName, String policyArn) {
        clients.calls().call(spec.awsAccountId(), "iam:AttachUserPolicy", null, () -> clients.iam(spec)
            .attachUserPolicy(request -> request.userName(userName).policyArn(policyArn)));
    }

    @Override
    public AwsAuthentication.AccessKeys createAccessKey(ConnectorSpec spec, String userName) {
        AccessKey key = clients.calls().callNotIdempotent(spec.awsAccountId(), "iam:CreateAccessKey", null,
            () -> clients.iam(spec)
            .createAccessKey(request -> request.userName(userName)).accessKey());
        return AwsAuthentication.accessKeys(key.accessKeyId(), Secret.of(key.secretAccessKey()));
    }

    private static boolean allBlocked(PublicAccessBlockConfiguration block) {
        return block != null && Boolean.TRUE.equals(block.blockPublicAcls())
            && Boolean.TRUE.equals(block.ignorePublicAcls()) && Boolean.TRUE.equals(block.blockPublicPolicy())
            && Boolean.TRUE.equals(block.restrictPublicBuckets());
    }

    /** Runs an S3 read whose "not configured" error code means {@code absent}. */
    private <T> T absentAs(ConnectorSpec spec, T absent, String operation, String region, String notConfiguredCode,
        Supplier<T> read) {
        return clients.calls().call(spec.awsAccountId(), operation, region, () -> {
            try {
                return read.get();
            } catch (S3Exception e) {
                if (e.awsErrorDetails() != null && notConfiguredCode.equals(e.awsErrorDetails().errorCode())) {
                    return absent;
                }
                throw e;
            }
        });
    }
}
