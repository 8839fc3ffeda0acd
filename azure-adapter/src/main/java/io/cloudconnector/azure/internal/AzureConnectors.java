package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ResourceProvider;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConnectorPort} over ARM.
 *
 * <ul>
 *   <li>Classic: {@code /subscriptions/{s}/providers/Microsoft.Security/connectors[/{name}]}, api-version
 *       {@value #CLASSIC_API}.</li>
 *   <li>Current: {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}}
 *       and {@code /subscriptions/{s}/providers/Microsoft.Security/securityConnectors}, api-version
 *       {@value #CURRENT_API}.</li>
 *   <li>Resource providers: {@code GET /subscriptions/{s}/providers/{namespace}} and {@code POST .../register},
 *       api-version {@value #PROVIDERS_API}.</li>
 * </ul>
 */
public final class AzureConnectors implements ConnectorPort {

    static final String CLASSIC_API = "2020-01-01-preview";
    static final String CURRENT_API = "2024-08-01-preview";
    static final String PROVIDERS_API = "2021-04-01";

    private final ArmClient arm;

    public AzureConnectors(ArmClient arm) {
        this.arm = arm;
    }

    @Override
    public Optional<ConnectorResource> get(ConnectorKey key) {
        if (key.generation() == ConnectorGeneration.CLASSIC) {
            return arm.get(classicPath(key), CLASSIC_API, "Microsoft.Security/connectors/read")
                .flatMap(node -> classic(node, key.subscriptionId(), key.name()));
        }
        return arm.get(currentPath(key), CURRENT_API, "Microsoft.Security/securityConnectors/read")
            .flatMap(node -> current(node, key.subscriptionId(), Optional.of(key)));
    }

    @Override
    public ConnectorResource put(ConnectorResource resource) {
        ConnectorKey key = resource.key();
        if (key.generation() == ConnectorGeneration.CLASSIC) {
            String operation = "Microsoft.Security/connectors/write";
            JsonNode answer =
                arm.put(classicPath(key), CLASSIC_API, ClassicConnectors.toJson(resource), operation);
            return classic(answer, key.subscriptionId(), key.name())
                .orElseThrow(() -> unexpected(operation, "not an AWS connector"));
        }
        String operation = "Microsoft.Security/securityConnectors/write";
        JsonNode answer = arm.put(currentPath(key), CURRENT_API, SecurityConnectors.toJson(resource, arm.json()),
            operation);
        return current(answer, key.subscriptionId(), Optional.of(key))
            .orElseThrow(() -> unexpected(operation, "not an AWS connector"));
    }

    @Override
    public boolean delete(ConnectorKey key) {
        if (key.generation() == ConnectorGeneration.CLASSIC) {
            return arm.delete(classicPath(key), CLASSIC_API, "Microsoft.Security/connectors/delete");
        }
        return arm.delete(currentPath(key), CURRENT_API, "Microsoft.Security/securityConnectors/delete");
    }

    @Override
    public List<ConnectorResource> list(ConnectorGeneration generation, String subscriptionId) {
        String base = "/subscriptions/" + ArmClient.segment(subscriptionId) + "/providers/Microsoft.Security/";
        if (generation == ConnectorGeneration.CLASSIC) {
            return arm.list(base + "connectors", CLASSIC_API, "Microsoft.Security/connectors/read").stream()
                .flatMap(node -> classic(node, subscriptionId, null).stream())
                .toList();
        }
        return arm.list(base + "securityConnectors", CURRENT_API, "Microsoft.Security/securityConnectors/read")
            .stream()
            .flatMap(node -> current(node, subscriptionId, Optional.empty()).stream())
            .toList();
    }

    @Override
    public ResourceProvider provider(String subscriptionId, String namespace) {
        JsonNode answer = arm.get(providerPath(subscriptionId, namespace), PROVIDERS_API,
                "Microsoft.Resources/subscriptions/providers/read")
            .orElseThrow(() -> unexpected("Microsoft.Resources/subscriptions/providers/read",
                "resource provider " + namespace + " is unknown to Azure"));
        return ResourceProvider.of(namespace, answer.path("registrationState").asText("Unknown"));
    }

    @Override
    public ResourceProvider register(String subscriptionId, String namespace) {
        String operation = namespace + "/register/action";
        JsonNode answer = arm.post(providerPath(subscriptionId, namespace) + "/register", PROVIDERS_API, operation);
        ResourceProvider registering =
            ResourceProvider.of(namespace, answer.path("registrationState").asText("Registering"));
        return arm.pollUntil(registering, () -> provider(subscriptionId, namespace), ResourceProvider::registered,
            operation);
    }

    private Optional<ConnectorResource> classic(JsonNode node, String subscriptionId, String name) {
        return ClassicConnectors.fromJson(read(node, ClassicConnectorJson.class), subscriptionId, name);
    }

    private Optional<ConnectorResource> current(JsonNode node, String subscriptionId,
        Optional<ConnectorKey> requested) {
        return SecurityConnectors.fromJson(read(node, SecurityConnectorJson.class), subscriptionId, requested);
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return arm.json().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw unexpected("Microsoft.Security/connectors/read", "the connector's JSON does not have the documented"
                + " shape: " + e.getOriginalMessage());
        }
    }

    private static String classicPath(ConnectorKey key) {
        return "/subscriptions/" + ArmClient.segment(key.subscriptionId())
            + "/providers/Microsoft.Security/connectors/" + ArmClient.segment(key.name());
    }

    private static String currentPath(ConnectorKey key) {
        return "/subscriptions/" + ArmClient.segment(key.subscriptionId())
            + "/resourceGroups/" + ArmClient.segment(key.resourceGroup().orElseThrow())
            + "/providers/Microsoft.Security/securityConnectors/" + ArmClient.segment(key.name());
    }

    private static String providerPath(String subscriptionId, String namespace) {
        return "/subscriptions/" + ArmClient.segment(subscriptionId) + "/providers/" + ArmClient.segment(namespace);
    }

    private static CloudServiceException unexpected(String operation, String problem) {
        return new CloudServiceException("Azure " + operation + " answered unexpectedly: " + problem,
            ArmErrors.PROVIDER, operation, null, 200, null, null, false, null);
    }
}
