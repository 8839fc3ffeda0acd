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
 * Actions on the Azure side (the service principal of Arc onboarding, see
 * {@link ProvisioningOptions#createServicePrincipal()}) have no region and name their resource after Azure or
 * Microsoft Entra ID: {@code azure/provider/Microsoft.HybridCompute}, {@code azure/resourceGroup/<name>},
 * {@code entra/application/<name>}, {@code entra/servicePrincipal/<name>},
 * {@code azure/roleAssignment/<resource group>/Azure Connected Machine Onboarding}; they are made in the spec's Azure
 * subscription and its tenant, and carry the AWS account ID of the plan too.
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

    /** The AWS, Azure or Microsoft Graph call the action is made with. */
    public abstract Operation operation();

    /** The ID of the AWS account the plan prepares; Azure actions carry it too. */
    public abstract String accountId();

    /** The AWS region; empty for IAM actions, which are global, and for Azure actions. */
    public abstract Optional<String> region();

    /** The resource created or changed, such as {@code iam/role/AscConnector}. */
    public abstract String resource();

    /** What the action will create or change, in words. */
    public abstract String description();

    /** Why the action is needed: what the account or the subscription lacks. */
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

    /**
     * The call behind an action, with the keys of its {@link #parameters()}. The Azure side's actions name the Entra
     * application by its display name; apply looks its IDs up when it performs them.
     */
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
        CREATE_ACCESS_KEY,
        /**
         * Registers an Azure resource provider and waits for it, within the Azure side's operation timeout; a
         * provider still registering afterwards is planned again. {@code subscriptionId}, {@code namespace}.
         */
        REGISTER_PROVIDER,
        /** Creates an Azure resource group; {@code subscriptionId}, {@code resourceGroup}, {@code location}. */
        CREATE_RESOURCE_GROUP,
        /** Creates a Microsoft Entra application (Microsoft Graph); {@code displayName}. */
        CREATE_APPLICATION,
        /** Creates the service principal of the Entra application named {@code displayName}. */
        CREATE_SERVICE_PRINCIPAL,
        /**
         * Adds a client secret to the Entra application named {@code displayName}, valid for {@code lifetimeDays}
         * days from the moment it is added. The secret is returned once, in the result.
         */
        CREATE_CLIENT_SECRET,
        /**
         * Assigns an Azure role to the service principal of the Entra application named {@code displayName};
         * {@code scope} (a resource group's ID), {@code roleDefinitionId} (the role definition's full ID),
         * {@code displayName}.
         */
        ASSIGN_ROLE
    }

    /** Builds a {@link ProvisioningAction}. */
    public static class Builder extends ImmutableProvisioningAction.Builder {
    }
}
