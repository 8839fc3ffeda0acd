package io.cloudconnector.internal.provisioning;

/** The keys of {@link io.cloudconnector.ProvisioningAction#parameters()}, as each operation documents them. */
final class Parameters {

    static final String STANDARDS_ARN = "standardsArn";
    static final String SERVICE_NAME = "serviceName";
    static final String RECORDER_NAME = "recorderName";
    static final String ROLE_ARN = "roleArn";
    static final String INCLUDE_GLOBAL_RESOURCE_TYPES = "includeGlobalResourceTypes";
    static final String CHANNEL_NAME = "channelName";
    static final String BUCKET_NAME = "bucketName";
    static final String POLICY = "policy";
    static final String ROLE_NAME = "roleName";
    static final String TRUST_POLICY = "trustPolicy";
    static final String DESCRIPTION = "description";
    static final String POLICY_ARN = "policyArn";
    static final String USER_NAME = "userName";

    private Parameters() {
    }
}
