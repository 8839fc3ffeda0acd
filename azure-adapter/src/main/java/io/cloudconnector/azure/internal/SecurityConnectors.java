package io.cloudconnector.azure.internal;

import static io.cloudconnector.azure.internal.ArmJson.present;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.azure.internal.SecurityConnectorJson.ArcAutoProvisioning;
import io.cloudconnector.azure.internal.SecurityConnectorJson.ArcConfiguration;
import io.cloudconnector.azure.internal.SecurityConnectorJson.CspmMonitorAws;
import io.cloudconnector.azure.internal.SecurityConnectorJson.DefenderForServersAws;
import io.cloudconnector.azure.internal.SecurityConnectorJson.EnvironmentData;
import io.cloudconnector.azure.internal.SecurityConnectorJson.RoleArn;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@link ConnectorResource} to and from the current connector's wire model: {@code hierarchyIdentifier} is the
 * AWS account, {@code environmentData} holds the regions and the scan interval in hours, and two offerings carry the
 * role: {@code CspmMonitorAws} and {@code DefenderForServersAws} with Arc auto-provisioning (and its proxy). The
 * connector's location is the Arc region.
 */
final class SecurityConnectors {

    private static final Pattern RESOURCE_GROUP =
        Pattern.compile("/resourceGroups/([^/]+)/", Pattern.CASE_INSENSITIVE);

    private SecurityConnectors() {
    }

    /** The PUT body for {@code resource}, with the entity tag and foreign offerings it carries. */
    static SecurityConnectorJson toJson(ConnectorResource resource, ObjectMapper json) {
        String role = resource.roleArn().orElse(null);
        List<JsonNode> offerings = new ArrayList<>();
        offerings.add(json.valueToTree(new CspmMonitorAws(SecurityConnectorJson.CSPM_MONITOR_AWS, new RoleArn(role))));
        ArcConfiguration configuration = resource.proxy().map(proxy -> new ArcConfiguration(proxy.toString(), null))
            .orElse(null);
        offerings.add(json.valueToTree(new DefenderForServersAws(SecurityConnectorJson.DEFENDER_FOR_SERVERS_AWS,
            new RoleArn(role), new ArcAutoProvisioning(resource.autoProvision(), role, configuration))));
        for (String other : resource.otherOfferings()) {
            offerings.add(tree(other, json));
        }
        EnvironmentData environment = new EnvironmentData(SecurityConnectorJson.AWS_ACCOUNT,
            resource.regions().isEmpty() ? null : resource.regions(),
            resource.scanInterval().map(Duration::toHours).orElse(null));
        return new SecurityConnectorJson(null, null, null, resource.arcRegion().orElse(null),
            resource.etag().orElse(null), Map.of(), new SecurityConnectorJson.Properties(
                resource.awsAccountId().orElse(null), SecurityConnectorJson.AWS_ENVIRONMENT, environment, offerings));
    }

    /** The resource read back; empty when it is not an AWS connector (GCP, GitHub, ...). */
    static Optional<ConnectorResource> fromJson(SecurityConnectorJson connector, String subscriptionId,
        Optional<ConnectorKey> requested) {
        SecurityConnectorJson.Properties properties = connector.properties();
        if (properties == null || !isAws(properties)) {
            return Optional.empty();
        }
        ConnectorKey key = key(connector, subscriptionId, requested);
        var builder = ConnectorResource.builder()
            .key(key)
            .id(present(connector.id()))
            .etag(present(connector.etag()))
            .awsAccountId(present(properties.hierarchyIdentifier()))
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .arcResourceGroup(key.resourceGroup())
            .arcRegion(present(connector.location()));
        EnvironmentData environment = properties.environmentData();
        if (environment != null) {
            builder.regions(environment.regions() == null ? List.of() : environment.regions())
                .scanInterval(Optional.ofNullable(environment.scanInterval()).map(Duration::ofHours));
        }
        Optional<String> role = Optional.empty();
        for (JsonNode offering : properties.offerings() == null ? List.<JsonNode>of() : properties.offerings()) {
            String type = offering.path("offeringType").asText("");
            if (SecurityConnectorJson.CSPM_MONITOR_AWS.equals(type)) {
                role = role.or(() -> present(offering.path("nativeCloudConnection").path("cloudRoleArn").asText(null)));
            } else if (SecurityConnectorJson.DEFENDER_FOR_SERVERS_AWS.equals(type)) {
                JsonNode arc = offering.path("arcAutoProvisioning");
                builder.autoProvision(arc.path("enabled").asBoolean(false))
                    .proxy(present(arc.path("configuration").path("proxy").asText(null)).map(URI::create));
                role = role.or(() -> present(offering.path("defenderForServers").path("cloudRoleArn").asText(null)));
            } else {
                builder.addOtherOfferings(offering.toString());
            }
        }
        return Optional.of(builder.roleArn(role).build());
    }

    private static boolean isAws(SecurityConnectorJson.Properties properties) {
        return SecurityConnectorJson.AWS_ENVIRONMENT.equalsIgnoreCase(properties.environmentName())
            || properties.environmentData() != null
            && SecurityConnectorJson.AWS_ACCOUNT.equalsIgnoreCase(properties.environmentData().environmentType());
    }

    /** Where the connector lives: from its resource ID, else from the request that read it. */
    private static ConnectorKey key(SecurityConnectorJson connector, String subscriptionId,
        Optional<ConnectorKey> requested) {
        String name = present(connector.name()).or(() -> requested.map(ConnectorKey::name))
            .orElseThrow(() -> new ConnectorException("Azure returned a security connector without a name"));
        String group = present(connector.id()).map(RESOURCE_GROUP::matcher).filter(Matcher::find)
            .map(matcher -> matcher.group(1))
            .or(() -> requested.flatMap(ConnectorKey::resourceGroup))
            .orElseThrow(() -> new ConnectorException("Azure returned security connector '" + name
                + "' without a resource group in its ID"));
        return ConnectorKey.current(subscriptionId, group, name);
    }

    private static JsonNode tree(String offering, ObjectMapper json) {
        try {
            return json.readTree(offering);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("An offering to keep is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
