package io.cloudconnector.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AssessmentRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link AssessmentPort} over ARM, api-version {@value #API}: custom metadata at
 * {@code /subscriptions/{s}/providers/Microsoft.Security/assessmentMetadata/{name}} ({@code CustomerManaged}), and
 * assessments at {@code {resourceId}/providers/Microsoft.Security/assessments/{metadataName}} with source
 * {@code Azure}.
 */
public final class AzureAssessments implements AssessmentPort {

    static final String API = "2020-01-01";
    private static final String ASSESSMENTS = "/providers/Microsoft.Security/assessments";

    private final ArmClient arm;

    public AzureAssessments(ArmClient arm) {
        this.arm = arm;
    }

    @Override
    public void putMetadata(String subscriptionId, AssessmentMetadata metadata) {
        ObjectNode properties = arm.json().createObjectNode()
            .put("displayName", metadata.displayName())
            .put("severity", metadata.severity())
            .put("assessmentType", "CustomerManaged")
            .put("description", metadata.description())
            .put("remediationDescription", metadata.remediationDescription());
        arm.put("/subscriptions/" + ArmClient.segment(subscriptionId)
                + "/providers/Microsoft.Security/assessmentMetadata/" + ArmClient.segment(metadata.name()), API,
            wrap(properties), "Microsoft.Security/assessmentMetadata/write");
    }

    @Override
    public void putAssessment(AssessmentRecord assessment) {
        ObjectNode status = arm.json().createObjectNode().put("code", assessment.statusCode());
        putIfPresent(status, "cause", assessment.cause());
        putIfPresent(status, "description", assessment.description());
        ObjectNode properties = arm.json().createObjectNode();
        properties.putObject("resourceDetails").put("Source", "Azure");
        properties.set("status", status);
        if (!assessment.additionalData().isEmpty()) {
            ObjectNode data = properties.putObject("additionalData");
            assessment.additionalData().forEach(data::put);
        }
        arm.put(trim(assessment.resourceId()) + ASSESSMENTS + "/" + ArmClient.segment(assessment.metadataName()), API,
            wrap(properties), "Microsoft.Security/assessments/write");
    }

    @Override
    public List<AssessmentRecord> listAssessments(String scopeId, String metadataName) {
        return arm.list(trim(scopeId) + ASSESSMENTS, API, "Microsoft.Security/assessments/read").stream()
            .filter(node -> metadataName.equalsIgnoreCase(node.path("name").asText()))
            .map(AzureAssessments::record)
            .toList();
    }

    private static AssessmentRecord record(JsonNode node) {
        String id = node.path("id").asText();
        int suffix = id.toLowerCase(Locale.ROOT).lastIndexOf(ASSESSMENTS.toLowerCase(Locale.ROOT));
        JsonNode properties = node.path("properties");
        JsonNode status = properties.path("status");
        Map<String, String> data = new LinkedHashMap<>();
        properties.path("additionalData").fields()
            .forEachRemaining(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        return AssessmentRecord.builder()
            .resourceId(suffix > 0 ? id.substring(0, suffix) : id)
            .metadataName(node.path("name").asText())
            .statusCode(status.path("code").asText())
            .cause(status.path("cause").asText(""))
            .description(status.path("description").asText(""))
            .additionalData(data)
            .build();
    }

    private ObjectNode wrap(ObjectNode properties) {
        ObjectNode body = arm.json().createObjectNode();
        body.set("properties", properties);
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    /** A resource ID as a path: one leading slash, none trailing. */
    private static String trim(String resourceId) {
        String path = resourceId.startsWith("/") ? resourceId : "/" + resourceId;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
