package io.cloudconnector.internal.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessReport;
import io.cloudconnector.RegionReadiness;

/** Renders a {@link ReadinessReport} as a pretty-printed JSON object for tools; the field layout is stable. */
public final class ReadinessJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReadinessJson() {
    }

    /** The report as JSON; see {@link ReadinessReport#toJson()} for the fields. */
    public static String render(ReadinessReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("accountId", report.accountId());
        root.put("checkedAt", report.checkedAt().toString());
        root.put("verdict", report.verdict().name());
        ObjectNode summary = root.putObject("summary");
        for (ReadinessCheck.Status status : ReadinessCheck.Status.values()) {
            summary.put(status.name(), report.checks(status).size());
        }
        ArrayNode regions = root.putArray("regions");
        report.regions().forEach(region -> region(regions.addObject(), region));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(check -> check(checks.addObject(), check));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Could not render the readiness report as JSON", e);
        }
    }

    private static void region(ObjectNode node, RegionReadiness region) {
        node.put("region", region.region());
        node.put("enabled", region.enabled());
        node.put("status", region.status().name());
        ArrayNode errors = node.putArray("errors");
        region.errors().forEach(errors::add);
    }

    private static void check(ObjectNode node, ReadinessCheck check) {
        node.put("id", check.id());
        node.put("name", check.name());
        node.put("status", check.status().name());
        node.put("scope", check.scope().name());
        node.put("target", check.target());
        check.region().ifPresent(region -> node.put("region", region));
        node.put("evidence", check.evidence());
        check.remediation().ifPresent(remediation -> node.put("remediation", remediation));
    }
}
