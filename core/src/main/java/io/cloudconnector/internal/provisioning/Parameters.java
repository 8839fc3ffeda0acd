package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction;

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
    static final String SUBSCRIPTION_ID = "subscriptionId";
    static final String NAMESPACE = "namespace";
    static final String RESOURCE_GROUP = "resourceGroup";
    static final String LOCATION = "location";
    static final String DISPLAY_NAME = "displayName";
    static final String LIFETIME_DAYS = "lifetimeDays";
    static final String SCOPE = "scope";
    static final String ROLE_DEFINITION_ID = "roleDefinitionId";

    private Parameters() {
    }

    /**
     * The value of {@code key} in {@code action}'s parameters.
     *
     * @throws IllegalArgumentException when the action lacks it (a plan built by hand)
     */
    static String get(ProvisioningAction action, String key) {
        String value = action.parameters().get(key);
        if (value == null) {
            throw new IllegalArgumentException(action.operation() + " on " + action.resource()
                + " lacks the parameter " + key);
        }
        return value;
    }
}
