package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The wire model of {@code Microsoft.Security/securityConnectors} (api-version 2024-08-01-preview). Offerings stay
 * JSON trees: the two this SDK manages are read and written through {@link CspmMonitorAws} and
 * {@link DefenderForServersAws}, every other kind is carried as it came.
 */
record SecurityConnectorJson(String id, String name, String type, String location, String etag,
    Map<String, String> tags, Properties properties) {

    static final String AWS_ENVIRONMENT = "AWS";
    static final String AWS_ACCOUNT = "AwsAccount";
    static final String CSPM_MONITOR_AWS = "CspmMonitorAws";
    static final String DEFENDER_FOR_SERVERS_AWS = "DefenderForServersAws";

    record Properties(String hierarchyIdentifier, String environmentName, EnvironmentData environmentData,
        List<JsonNode> offerings) {
    }

    record EnvironmentData(String environmentType, List<String> regions, Long scanInterval) {
    }

    record RoleArn(String cloudRoleArn) {
    }

    record CspmMonitorAws(String offeringType, RoleArn nativeCloudConnection) {
    }

    record DefenderForServersAws(String offeringType, RoleArn defenderForServers,
        ArcAutoProvisioning arcAutoProvisioning) {
    }

    record ArcAutoProvisioning(Boolean enabled, String cloudRoleArn, ArcConfiguration configuration) {
    }

    record ArcConfiguration(String proxy, String privateLinkScope) {
    }
}
