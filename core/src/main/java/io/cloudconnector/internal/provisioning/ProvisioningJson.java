package io.cloudconnector.internal.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;

/** Renders a {@link ProvisioningPlan} and a {@link ProvisioningResult} as pretty-printed JSON; the layout is stable. */
public final class ProvisioningJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProvisioningJson() {
    }

    /** The plan as JSON; see {@link ProvisioningPlan#toJson()} for the fields. */
    public static String plan(ProvisioningPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("accountId", plan.accountId());
        root.put("plannedAt", plan.plannedAt().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("create", plan.actions(ProvisioningAction.Kind.CREATE).size());
        summary.put("change", plan.actions(ProvisioningAction.Kind.CHANGE).size());
        summary.put("conflict", plan.conflicts().size());
        plan.roleArn().ifPresent(arn -> root.put("roleArn", arn));
        plan.servicePrincipalName().ifPresent(name -> root.put("servicePrincipalName", name));
        plan.arcResourceGroup().ifPresent(group -> root.put("arcResourceGroup", group));
        plan.arcRegion().ifPresent(region -> root.put("arcRegion", region));
        ArrayNode actions = root.putArray("actions");
        plan.actions().forEach(action -> action(actions.addObject(), action));
        ArrayNode conflicts = root.putArray("conflicts");
        plan.conflicts().forEach(conflict -> conflict(conflicts.addObject(), conflict));
        return write(root);
    }

    /** The result as JSON; see {@link ProvisioningResult#toJson()} for the fields. */
    public static String result(ProvisioningResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("accountId", result.accountId());
        root.put("finishedAt", result.finishedAt().toString());
        root.put("succeeded", result.succeeded());
        ObjectNode summary = root.putObject("summary");
        for (ProvisioningOutcome.Status status : ProvisioningOutcome.Status.values()) {
            summary.put(status.name(), result.outcomes(status).size());
        }
        result.roleArn().ifPresent(arn -> root.put("roleArn", arn));
        result.accessKey().ifPresent(key -> root.put("accessKeyId", key.accessKeyId()));
        result.arcResourceGroup().ifPresent(group -> root.put("arcResourceGroup", group));
        result.arcRegion().ifPresent(region -> root.put("arcRegion", region));
        result.servicePrincipal().ifPresent(sp -> root.putObject("servicePrincipal").put("clientId", sp.clientId())
            .put("objectId", sp.objectId()).put("expiresAt", sp.expiresAt().toString()));
        ArrayNode outcomes = root.putArray("outcomes");
        for (ProvisioningOutcome outcome : result.outcomes()) {
            ObjectNode node = outcomes.addObject();
            node.put("status", outcome.status().name());
            outcome.cause().ifPresent(cause -> node.put("cause", cause));
            action(node, outcome.action());
        }
        return write(root);
    }

    private static void action(ObjectNode node, ProvisioningAction action) {
        node.put("kind", action.kind().name());
        node.put("operation", action.operation().name());
        node.put("accountId", action.accountId());
        action.region().ifPresent(region -> node.put("region", region));
        node.put("resource", action.resource());
        node.put("description", action.description());
        node.put("reason", action.reason());
        ObjectNode parameters = node.putObject("parameters");
        action.parameters().forEach(parameters::put);
    }

    private static void conflict(ObjectNode node, ProvisioningConflict conflict) {
        node.put("accountId", conflict.accountId());
        conflict.region().ifPresent(region -> node.put("region", region));
        node.put("resource", conflict.resource());
        node.put("description", conflict.description());
        node.put("resolution", conflict.resolution());
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Could not render provisioning as JSON", e);
        }
    }
}
