package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.ArcPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ArcPort} over ARM:
 * {@code GET /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.HybridCompute/machines}, api-version
 * {@value #API}, every page read. Null fields, which the API sends freely, are read as absent.
 */
public final class AzureArcMachines implements ArcPort {

    static final String API = "2022-12-27";
    private static final String OPERATION = "Microsoft.HybridCompute/machines/read";

    private final ArmClient arm;

    public AzureArcMachines(ArmClient arm) {
        this.arm = arm;
    }

    /** {@inheritDoc} Empty when the spec has no Arc settings, or when their resource group does not exist yet. */
    @Override
    public List<ArcMachine> machines(ConnectorSpec spec) {
        Optional<ArcSettings> arc = spec.arc();
        if (arc.isEmpty()) {
            return List.of();
        }
        String path = "/subscriptions/" + ArmClient.segment(spec.subscriptionId()) + "/resourceGroups/"
            + ArmClient.segment(arc.get().resourceGroup()) + "/providers/Microsoft.HybridCompute/machines";
        try {
            return arm.list(path, API, OPERATION).stream().map(AzureArcMachines::machine).toList();
        } catch (CloudServiceException e) {
            if (e.statusCode() == 404 && e.errorCode().filter("ResourceGroupNotFound"::equalsIgnoreCase).isPresent()) {
                return List.of();
            }
            throw e;
        }
    }

    private static ArcMachine machine(JsonNode node) {
        JsonNode properties = node.path("properties");
        return ArcMachine.builder()
            .id(node.path("id").asText())
            .name(node.path("name").asText())
            .status(text(properties, "status"))
            .osName(text(properties, "osName"))
            .tags(tags(node.path("tags")))
            .build();
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return map;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? ArmJson.present(value.asText()) : Optional.empty();
    }
}
