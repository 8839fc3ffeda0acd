package io.cloudconnector.aws.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rewrites a {@code GetFindings} answer into one the AWS SDK reads whatever Security Hub sent: each finding keeps
 * only the fields the connector reads, each checked for its JSON type. A finding with a field of the wrong type (a
 * number for {@code Title}, an object among {@code ProductFields}, however deeply nested) is left out and noted;
 * fields longer than the connector keeps are cut short, with a note in the text and in
 * {@link FindingsBodyFilter.Notes}.
 * An answer that is not JSON, or has no {@code Findings} array, passes unchanged: the SDK then fails it as a whole.
 *
 * <p>Limits: {@code Title} {@value #MAX_TITLE} characters, {@code Description} and
 * {@code Remediation.Recommendation.Text} {@value #MAX_TEXT}, {@code Resources} and
 * {@code Compliance.RelatedRequirements} {@value #MAX_LIST} entries, {@code ProductFields} {@value #MAX_PRODUCT_FIELDS}
 * entries (by key order; keys longer than {@value #MAX_KEY} characters dropped) of {@value #MAX_PRODUCT_FIELD}
 * characters each. An {@code Id} or {@code ProductArn} longer than {@value #MAX_KEY} characters rejects the finding:
 * an identity cannot be cut. ASFF's own limits are lower, so a finding Security Hub accepted is never cut.
 */
final class FindingsBody {

    static final int MAX_TITLE = 1_024;
    static final int MAX_TEXT = 8_192;
    static final int MAX_LIST = 256;
    static final int MAX_PRODUCT_FIELDS = 100;
    static final int MAX_PRODUCT_FIELD = 4_096;
    static final int MAX_KEY = 1_024;

    /** Deeper answers are not read at all (the SDK's own limit is 1,000 levels). */
    static final int MAX_DEPTH = 10_000;
    /** Longer strings are not read at all. */
    static final int MAX_STRING = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING).build())
        .build());
    private static final String[] TEXT_FIELDS = {"ProductName", "GeneratorId", "AwsAccountId", "Region", "CreatedAt",
        "UpdatedAt", "FirstObservedAt", "LastObservedAt", "RecordState"};
    private static final String[] RESOURCE_FIELDS = {"Type", "Id", "Partition", "Region"};

    private FindingsBody() {
    }

    /** The answer with only well-typed findings, each cut to the limits; {@code notes} hears what was lost. */
    static byte[] filter(byte[] body, FindingsBodyFilter.Notes notes) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
        if (root == null || !root.isObject() || !root.path("Findings").isArray()) {
            return body;
        }
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode finding : root.get("Findings")) {
            Optional<String> id = finding.path("Id").isTextual() ? Optional.of(finding.get("Id").asText())
                : Optional.empty();
            try {
                kept.add(new Finding(finding, id, notes).read());
            } catch (WrongShape e) {
                notes.rejected(id.filter(text -> text.length() <= MAX_KEY), e.getMessage());
            }
        }
        ObjectNode page = JSON.createObjectNode();
        page.set("Findings", kept);
        if (root.has("NextToken")) {
            page.set("NextToken", root.get("NextToken"));
        }
        return JSON.writeValueAsBytes(page);
    }

    /** One finding being read into its kept shape. */
    private static final class Finding {

        private final JsonNode in;
        private final Optional<String> id;
        private final FindingsBodyFilter.Notes notes;
        private final ObjectNode out = JSON.createObjectNode();

        Finding(JsonNode in, Optional<String> id, FindingsBodyFilter.Notes notes) {
            this.in = in;
            this.id = id;
            this.notes = notes;
        }

        ObjectNode read() {
            if (!in.isObject()) {
                throw new WrongShape("a finding is " + kind(in) + ", not an object");
            }
            identity("Id");
            identity("ProductArn");
            for (String field : TEXT_FIELDS) {
                text(in, field, field).ifPresent(value -> out.put(field, value));
            }
            cut(in, "Title", "Title", MAX_TITLE).ifPresent(value -> out.put("Title", value));
            cut(in, "Description", "Description", MAX_TEXT).ifPresent(value -> out.put("Description", value));
            object(in, "Severity").ifPresent(this::severity);
            object(in, "Workflow").flatMap(workflow -> text(workflow, "Status", "Workflow.Status"))
                .ifPresent(status -> out.putObject("Workflow").put("Status", status));
            resources();
            object(in, "Compliance").ifPresent(this::compliance);
            object(in, "Remediation").flatMap(remediation -> object(remediation, "Recommendation"))
                .ifPresent(this::recommendation);
            object(in, "ProductFields").ifPresent(this::productFields);
            return out;
        }

        private void identity(String field) {
            Optional<String> value = text(in, field, field);
            if (value.isPresent() && value.get().length() > MAX_KEY) {
                throw new WrongShape(field + " is longer than " + MAX_KEY + " characters");
            }
            value.ifPresent(text -> out.put(field, text));
        }

        private void severity(JsonNode severity) {
            ObjectNode kept = out.putObject("Severity");
            text(severity, "Label", "Severity.Label").ifPresent(label -> kept.put("Label", label));
            JsonNode normalized = severity.path("Normalized");
            if (present(normalized)) {
                if (!normalized.isIntegralNumber() || !normalized.canConvertToInt()) {
                    throw new WrongShape("Severity.Normalized is " + kind(normalized) + ", not a whole number");
                }
                kept.put("Normalized", normalized.intValue());
            }
        }

        private void resources() {
            Optional<JsonNode> resources = array(in, "Resources");
            if (resources.isEmpty()) {
                return;
            }
            ArrayNode kept = out.putArray("Resources");
            int index = 0;
            for (JsonNode resource : resources.get()) {
                if (!resource.isObject()) {
                    throw new WrongShape("Resources[" + index + "] is " + kind(resource) + ", not an object");
                }
                if (index < MAX_LIST) {
                    ObjectNode copy = kept.addObject();
                    for (String field : RESOURCE_FIELDS) {
                        text(resource, field, "Resources[" + index + "]." + field)
                            .ifPresent(value -> copy.put(field, value));
                    }
                }
                index++;
            }
            noteCut("Resources", index, MAX_LIST);
        }

        private void compliance(JsonNode compliance) {
            ObjectNode kept = out.putObject("Compliance");
            text(compliance, "Status", "Compliance.Status").ifPresent(status -> kept.put("Status", status));
            text(compliance, "SecurityControlId", "Compliance.SecurityControlId")
                .ifPresent(control -> kept.put("SecurityControlId", control));
            array(compliance, "RelatedRequirements").ifPresent(requirements -> {
                ArrayNode list = kept.putArray("RelatedRequirements");
                int index = 0;
                for (JsonNode requirement : requirements) {
                    String value = textOf(requirement, "Compliance.RelatedRequirements[" + index + "]");
                    if (index++ < MAX_LIST) {
                        list.add(value);
                    }
                }
                noteCut("Compliance.RelatedRequirements", index, MAX_LIST);
            });
            array(compliance, "AssociatedStandards").ifPresent(standards -> {
                ArrayNode list = kept.putArray("AssociatedStandards");
                int index = 0;
                for (JsonNode standard : standards) {
                    String where = "Compliance.AssociatedStandards[" + index++ + "]";
                    if (!standard.isObject()) {
                        throw new WrongShape(where + " is " + kind(standard) + ", not an object");
                    }
                    text(standard, "StandardsId", where + ".StandardsId")
                        .ifPresent(standardsId -> list.addObject().put("StandardsId", standardsId));
                }
            });
        }

        private void recommendation(JsonNode recommendation) {
            ObjectNode kept = out.putObject("Remediation").putObject("Recommendation");
            cut(recommendation, "Text", "Remediation.Recommendation.Text", MAX_TEXT)
                .ifPresent(text -> kept.put("Text", text));
            text(recommendation, "Url", "Remediation.Recommendation.Url").ifPresent(url -> kept.put("Url", url));
        }

        private void productFields(JsonNode fields) {
            Map<String, String> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
            int count = 0;
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String value = textOf(entry.getValue(), "ProductFields." + shortKey(entry.getKey()));
                count++;
                if (entry.getKey().length() <= MAX_KEY) {
                    sorted.put(entry.getKey(), value);
                }
            }
            ObjectNode kept = out.putObject("ProductFields");
            sorted.entrySet().stream().limit(MAX_PRODUCT_FIELDS).forEach(entry -> kept.put(entry.getKey(),
                cutText(entry.getValue(), "ProductFields." + entry.getKey(), MAX_PRODUCT_FIELD)));
            noteCut("ProductFields", count, kept.size());
        }

        private Optional<String> cut(JsonNode node, String name, String field, int limit) {
            return text(node, name, field).map(value -> cutText(value, field, limit));
        }

        private String cutText(String value, String field, int limit) {
            if (value.length() <= limit) {
                return value;
            }
            notes.truncated(id, field, value.length(), limit);
            return value.substring(0, limit) + " [cut short by the connector SDK: " + value.length()
                + " characters in all]";
        }

        private void noteCut(String field, int original, int kept) {
            if (original > kept) {
                notes.truncated(id, field, original, kept);
            }
        }

        /** The text of {@code node.name}: absent when missing or null, a wrong shape when not a string. */
        private static Optional<String> text(JsonNode node, String name, String field) {
            JsonNode value = node.path(name);
            return present(value) ? Optional.of(textOf(value, field)) : Optional.empty();
        }

        private static String textOf(JsonNode value, String field) {
            if (!value.isTextual()) {
                throw new WrongShape(field + " is " + kind(value) + ", not a string");
            }
            return value.asText();
        }

        private static Optional<JsonNode> object(JsonNode node, String name) {
            return shaped(node, name, JsonNodeType.OBJECT, "an object");
        }

        private static Optional<JsonNode> array(JsonNode node, String name) {
            return shaped(node, name, JsonNodeType.ARRAY, "an array");
        }

        private static Optional<JsonNode> shaped(JsonNode node, String name, JsonNodeType type, String expected) {
            JsonNode value = node.path(name);
            if (!present(value)) {
                return Optional.empty();
            }
            if (value.getNodeType() != type) {
                throw new WrongShape(name + " is " + kind(value) + ", not " + expected);
            }
            return Optional.of(value);
        }

        private static boolean present(JsonNode value) {
            return !value.isMissingNode() && !value.isNull();
        }

        private static String shortKey(String key) {
            return key.length() <= 64 ? key : key.substring(0, 64) + "...";
        }

        private static String kind(JsonNode value) {
            return switch (value.getNodeType()) {
                case OBJECT, POJO -> "an object";
                case ARRAY -> "an array";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case STRING -> "a string";
                case NULL, MISSING -> "null";
                default -> "binary";
            };
        }
    }

    /** A finding with a field of the wrong JSON type; the message is the reason it is left out. */
    private static final class WrongShape extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WrongShape(String reason) {
            super(reason, null, false, false);
        }
    }
}
