package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudconnector.Secret;
import java.util.List;

/**
 * The wire model of {@code Microsoft.Security/connectors} (api-version 2020-01-01-preview), read and written. Read-only
 * fields are null in a body to write; both names of the state fields are read, as are the nested
 * {@code awsAssumeRole} / {@code awsCreds} objects of older drafts.
 */
record ClassicConnectorJson(String id, String name, String type, Properties properties) {

    record Properties(HybridComputeSettings hybridComputeSettings, AuthenticationDetails authenticationDetails) {
    }

    record HybridComputeSettings(
        String provisioningState,
        String hybridComputeProvisioningState,
        String autoProvision,
        String resourceGroupName,
        String region,
        ProxyServer proxyServer,
        ServicePrincipal servicePrincipal) {
    }

    /** The agent's proxy: an IP address or host name, and the port as a string. */
    record ProxyServer(String ip, String port) {
    }

    record ServicePrincipal(String applicationId,
        @JsonSerialize(using = ArmJson.RevealingSecretSerializer.class) Secret secret) {
    }

    record AuthenticationDetails(
        String provisioningState,
        String authenticationProvisioningState,
        List<String> grantedPermissions,
        String authenticationType,
        String accountId,
        String awsAssumeRoleArn,
        String awsExternalId,
        String awsAccessKeyId,
        @JsonSerialize(using = ArmJson.RevealingSecretSerializer.class) Secret awsSecretAccessKey,
        AuthenticationDetails awsAssumeRole,
        AuthenticationDetails awsCreds) {
    }
}
