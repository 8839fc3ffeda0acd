package io.cloudconnector.spi;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning needs from AWS: the facts of the account as the provisioning identity sees them, and the writes
 * that prepare it for the connector. No judgement: core decides what to write, the adapter writes it.
 *
 * <p>Every call is made with the AWS side's own identity (for the AWS adapter, its base credentials), not with the
 * spec's authentication: the spec's role or user may not exist yet, and the connector's identity may only read. The
 * spec names the account. Methods throw {@link io.cloudconnector.ConnectorException} subtypes
 * ({@link io.cloudconnector.AccessDeniedException} naming the missing permission) when AWS answers with an error.
 * Writes that AWS answers with "already exists" for the very thing asked for (Security Hub already enabled, the
 * service-linked role already there, the bucket already owned by the account) return normally; any other
 * "already exists" is an error, so that nothing of someone else's is taken for done.
 */
public interface ProvisioningPort {

    /** The account's facts (identity, regions, AWS Config, Security Hub, IAM) read with the provisioning identity. */
    AccountPort account();

    /** The AWS Config delivery channels of one region ({@code config:DescribeDeliveryChannels}). */
    List<DeliveryChannelFacts> deliveryChannels(ConnectorSpec spec, String region);

    /**
     * An S3 bucket's existence, region, default encryption, public access block and policy ({@code s3:HeadBucket},
     * {@code GetBucketEncryption}, {@code GetPublicAccessBlock}, {@code GetBucketPolicy}); empty when no bucket has
     * the name. A bucket that exists but answers 403 (another account's) is reported as not accessible.
     */
    Optional<BucketFacts> bucket(ConnectorSpec spec, String bucketName);

    /** The IDs of an IAM user's access keys ({@code iam:ListAccessKeys}, every page). */
    List<String> accessKeyIds(ConnectorSpec spec, String userName);

    /** {@code securityhub:EnableSecurityHub} without the default standards; an enabled hub is left as it is. */
    void enableSecurityHub(ConnectorSpec spec, String region);

    /** {@code securityhub:BatchEnableStandards} for one standard, such as the CIS AWS Foundations Benchmark. */
    void enableStandard(ConnectorSpec spec, String region, String standardsArn);

    /** {@code iam:CreateServiceLinkedRole} for {@code serviceName}, such as {@code config.amazonaws.com}. */
    void createServiceLinkedRole(ConnectorSpec spec, String serviceName);

    /**
     * {@code config:PutConfigurationRecorder}: creates or updates the recorder {@code name}, recording all supported
     * resource types, global ones (IAM) when {@code includeGlobalResourceTypes}.
     */
    void putConfigRecorder(ConnectorSpec spec, String region, String name, String roleArn,
        boolean includeGlobalResourceTypes);

    /** {@code config:PutDeliveryChannel}: creates or updates the channel {@code name} delivering to the bucket. */
    void putDeliveryChannel(ConnectorSpec spec, String region, String name, String bucketName);

    /** {@code config:StartConfigurationRecorder}. */
    void startConfigRecorder(ConnectorSpec spec, String region, String recorderName);

    /** {@code s3:CreateBucket} in {@code region}; a bucket the account already owns is left as it is. */
    void createBucket(ConnectorSpec spec, String region, String bucketName);

    /** {@code s3:PutPublicAccessBlock} with all four settings on. */
    void blockPublicAccess(ConnectorSpec spec, String region, String bucketName);

    /** {@code s3:PutBucketEncryption}: default encryption with S3-managed keys (SSE-S3, AES256). */
    void encryptBucket(ConnectorSpec spec, String region, String bucketName);

    /** {@code s3:PutBucketPolicy}: sets the bucket's policy to {@code policy} (JSON). */
    void putBucketPolicy(ConnectorSpec spec, String region, String bucketName, String policy);

    /** {@code iam:CreateRole} with the trust policy (JSON) and description; returns the new role's ARN. */
    String createRole(ConnectorSpec spec, String roleName, String trustPolicy, String description);

    /** {@code iam:AttachRolePolicy}. */
    void attachRolePolicy(ConnectorSpec spec, String roleName, String policyArn);

    /** {@code iam:CreateUser}. */
    void createUser(ConnectorSpec spec, String userName);

    /** {@code iam:AttachUserPolicy}. */
    void attachUserPolicy(ConnectorSpec spec, String userName, String policyArn);

    /**
     * {@code iam:CreateAccessKey}: the new key pair, the only time AWS ever returns its secret. The secret travels as
     * a {@link io.cloudconnector.Secret}; implementations never log it.
     */
    AwsAuthentication.AccessKeys createAccessKey(ConnectorSpec spec, String userName);
}
