package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One write of a {@link ProvisioningPlan}: what it creates or changes, where, and why.
 *
 * <p>The target is the AWS account, the region (empty for IAM, which is global) and the resource, such as
 * {@code iam/role/AscConnector}, {@code config/recorder/default} or {@code s3/bucket/config-bucket-123456789012}.
 * {@link #parameters()} holds the values the write is made with; each {@link Operation} names its keys. Nothing in an
 * action is secret. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningAction {

    /** A builder; every value but {@link #region()} and {@link #parameters()} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the action makes something new or changes something that exists. */
    public abstract Kind kind();

    /** The AWS call the action is made with. */
    public abstract Operation operation();

    /** The AWS account ID. */
    public abstract String accountId();

    /** The region; empty for IAM actions, which are global. */
    public abstract Optional<String> region();

    /** The resource created or changed, such as {@code iam/role/AscConnector}. */
    public abstract String resource();

    /** What the action will create or change, in words. */
    public abstract String description();

    /** Why the action is needed: what the account lacks. */
    public abstract String reason();

    /** The values the write is made with; the keys are listed with each {@link Operation}. */
    public abstract Map<String, String> parameters();

    /** Whether an action creates or changes. */
    public enum Kind {
        /** Makes something new, or completes something the same plan creates. Shown as {@code +}. */
        CREATE,
        /** Adds to something that exists (a policy attached, a recorder started); never removes. Shown as {@code ~}. */
        CHANGE
    }

    /** The AWS call behind an action, with the keys of its {@link #parameters()}. */
    public enum Operation {
        /** {@code securityhub:EnableSecurityHub} without default standards; no parameters. */
        ENABLE_SECURITY_HUB,
        /** {@code securityhub:BatchEnableStandards}; {@code standardsArn}. */
        ENABLE_STANDARD,
        /** {@code iam:CreateServiceLinkedRole}; {@code serviceName}. */
        CREATE_SERVICE_LINKED_ROLE,
        /**
         * {@code config:PutConfigurationRecorder} recording all supported resource types; {@code recorderName},
         * {@code roleArn}, {@code includeGlobalResourceTypes} ({@code true} or {@code false}).
         */
        PUT_CONFIG_RECORDER,
        /** {@code config:PutDeliveryChannel}; {@code channelName}, {@code bucketName}. */
        PUT_DELIVERY_CHANNEL,
        /** {@code config:StartConfigurationRecorder}; {@code recorderName}. */
        START_CONFIG_RECORDER,
        /** {@code s3:CreateBucket}; {@code bucketName}. */
        CREATE_BUCKET,
        /** {@code s3:PutPublicAccessBlock} with all four settings on; {@code bucketName}. */
        BLOCK_PUBLIC_ACCESS,
        /** {@code s3:PutBucketEncryption} with S3-managed keys (SSE-S3); {@code bucketName}. */
        ENCRYPT_BUCKET,
        /** {@code s3:PutBucketPolicy} on a bucket without a policy; {@code bucketName}, {@code policy}. */
        PUT_BUCKET_POLICY,
        /** {@code iam:CreateRole}; {@code roleName}, {@code trustPolicy}, {@code description}. */
        CREATE_ROLE,
        /** {@code iam:AttachRolePolicy}; {@code roleName}, {@code policyArn}. */
        ATTACH_ROLE_POLICY,
        /** {@code iam:CreateUser}; {@code userName}. */
        CREATE_USER,
        /** {@code iam:AttachUserPolicy}; {@code userName}, {@code policyArn}. */
        ATTACH_USER_POLICY,
        /** {@code iam:CreateAccessKey}; {@code userName}. The secret is returned once, in the result. */
        CREATE_ACCESS_KEY
    }

    /** Builds a {@link ProvisioningAction}. */
    public static class Builder extends ImmutableProvisioningAction.Builder {
    }
}
