package io.cloudconnector.aws.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.FindingsPage;
import io.cloudconnector.spi.FindingsPage.RejectedFinding;
import io.cloudconnector.spi.FindingsPage.TruncatedField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a {@code GetFindings} answer into {@link AsffFinding}s whatever Security Hub sent, in one streaming pass:
 * each finding keeps only the fields the connector reads, each checked for its JSON type as it goes by; every other
 * field is skipped without being built. A finding with a field of the wrong type (a number for {@code Title}, an
 * object among {@code ProductFields}, however deeply nested) is left out and noted; fields longer than the connector
 * keeps are cut short, with a note in the text and in the page. An answer that is not JSON, or whose
 * {@code Findings} is not an array or {@code NextToken} not a string, is not read: the AWS SDK then fails it as a
 * whole.
 *
 * <p>Limits: {@code Title} {@value #MAX_TITLE} characters, {@code Description} and
 * {@code Remediation.Recommendation.Text} {@value #MAX_TEXT}, {@code Resources} and
 * {@code Compliance.RelatedRequirements} {@value #MAX_LIST} entries, {@code ProductFields} {@value #MAX_PRODUCT_FIELDS}
 * entries (in the order sent; when there are more, the first by key order; keys longer than {@value #MAX_KEY}
 * characters dropped) of {@value #MAX_PRODUCT_FIELD} characters each. An {@code Id} or {@code ProductArn} longer
 * than {@value #MAX_KEY} characters rejects the finding: an identity cannot be cut. ASFF's own limits are lower, so a
 * finding Security Hub accepted is never cut.
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

    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING).build())
        .build();

    private FindingsBody() {
    }

    /**
     * The page in {@code body}: its well-typed findings, each cut to the limits, what was left out or cut short, and
     * the next token; empty when the body is not JSON, is not an object, or has a {@code Findings} that is not an
     * array or a {@code NextToken} that is not a string.
     */
    static Optional<Page> read(byte[] body) {
        return read(body, true);
    }

    /**
     * The next token of the page in {@code body}, its findings skipped over, not read: about half the work of
     * {@link #read(byte[])}, and empty when that would be empty (the JSON is checked all through).
     */
    static Optional<Scan> scan(byte[] body) {
        return read(body, false).map(page -> new Scan(page.nextToken));
    }

    /** What {@link #scan(byte[])} found: the next token. */
    record Scan(Optional<String> nextToken) {
    }

    private static Optional<Page> read(byte[] body, boolean readFindings) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Page page = new Page();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                if ("Findings".equals(name) && value == JsonToken.START_ARRAY) {
                    if (readFindings) {
                        findings(parser, page);
                    } else {
                        parser.skipChildren();
                    }
                } else if ("NextToken".equals(name) && value == JsonToken.VALUE_STRING) {
                    page.nextToken = Optional.of(parser.getText());
                } else if (("Findings".equals(name) || "NextToken".equals(name)) && value != JsonToken.VALUE_NULL) {
                    return Optional.empty();
                } else {
                    parser.skipChildren();
                }
            }
            return Optional.of(page);
        } catch (IOException notReadable) {
            return Optional.empty();
        }
    }

    /** The AWS SDK's view of a page read here: its next token and no findings, which it has nothing left to read. */
    static byte[] emptied(Optional<String> nextToken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Findings");
            json.writeEndArray();
            if (nextToken.isPresent()) {
                json.writeStringField("NextToken", nextToken.get());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void findings(JsonParser parser, Page page) throws IOException {
        JsonStreamContext list = parser.getParsingContext();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Finding finding = new Finding(parser, page);
            try {
                page.findings.add(finding.read());
            } catch (WrongShape e) {
                finding.skipRest(list);
                page.rejected.add(RejectedFinding.builder().id(finding.id.filter(id -> id.length() <= MAX_KEY))
                    .reason(e.getMessage()).build());
            }
        }
    }

    /** One page as read: its findings, those left out, the fields cut short, and the next token. */
    static final class Page {

        private Optional<String> nextToken = Optional.empty();
        private final List<AsffFinding> findings = new ArrayList<>();
        private final List<RejectedFinding> rejected = new ArrayList<>();
        private final List<TruncatedField> truncated = new ArrayList<>();

        private Page() {
        }

        Optional<String> nextToken() {
            return nextToken;
        }

        /** Whether the page held no finding at all, kept or left out. */
        boolean isEmpty() {
            return findings.isEmpty() && rejected.isEmpty();
        }

        /** The page for the findings port. */
        FindingsPage toFindingsPage() {
            return FindingsPage.builder().findings(findings).nextToken(nextToken).rejected(rejected)
                .truncated(truncated).build();
        }
    }

    /** One finding being read into its kept shape, the parser on its first token. */
    private static final class Finding {

        private final JsonParser parser;
        private final Page page;
        private final List<Cut> cuts = new ArrayList<>();
        private JsonStreamContext object;
        private Optional<String> id = Optional.empty();
        private Optional<String> productArn = Optional.empty();
        private Optional<String> productName = Optional.empty();
        private Optional<String> generatorId = Optional.empty();
        private Optional<String> awsAccountId = Optional.empty();
        private Optional<String> region = Optional.empty();
        private Optional<String> createdAt = Optional.empty();
        private Optional<String> updatedAt = Optional.empty();
        private Optional<String> firstObservedAt = Optional.empty();
        private Optional<String> lastObservedAt = Optional.empty();
        private Optional<String> recordState = Optional.empty();
        private Optional<String> title = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Optional<String> severityLabel = Optional.empty();
        private Optional<Integer> severityNormalized = Optional.empty();
        private Optional<String> workflowStatus = Optional.empty();
        private final List<AsffFinding.AsffResource> resources = new ArrayList<>();
        private Optional<AsffFinding.AsffCompliance> compliance = Optional.empty();
        private Optional<String> remediationText = Optional.empty();
        private Optional<String> remediationUrl = Optional.empty();
        private Map<String, String> productFields = Map.of();

        Finding(JsonParser parser, Page page) {
            this.parser = parser;
            this.page = page;
        }

        AsffFinding read() throws IOException {
            JsonToken start = parser.currentToken();
            if (start != JsonToken.START_OBJECT) {
                throw new WrongShape("a finding is " + kind(start) + ", not an object");
            }
            object = parser.getParsingContext();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "Id" -> id = identity(value, name);
                    case "ProductArn" -> productArn = identity(value, name);
                    case "ProductName" -> productName = text(value, name);
                    case "GeneratorId" -> generatorId = text(value, name);
                    case "AwsAccountId" -> awsAccountId = text(value, name);
                    case "Region" -> region = text(value, name);
                    case "CreatedAt" -> createdAt = text(value, name);
                    case "UpdatedAt" -> updatedAt = text(value, name);
                    case "FirstObservedAt" -> firstObservedAt = text(value, name);
                    case "LastObservedAt" -> lastObservedAt = text(value, name);
                    case "RecordState" -> recordState = text(value, name);
                    case "Title" -> title = cut(text(value, name), name, MAX_TITLE);
                    case "Description" -> description = cut(text(value, name), name, MAX_TEXT);
                    case "Severity" -> severity(value);
                    case "Workflow" -> workflow(value);
                    case "Resources" -> resources(value);
                    case "Compliance" -> compliance(value);
                    case "Remediation" -> remediation(value);
                    case "ProductFields" -> productFields(value);
                    default -> parser.skipChildren();
                }
            }
            cuts.forEach(cut -> page.truncated.add(TruncatedField.builder().findingId(id).field(cut.field)
                .originalLength(cut.original).keptLength(cut.kept).build()));
            return AsffFinding.builder()
                .id(id)
                .productArn(productArn)
                .productName(productName)
                .generatorId(generatorId)
                .awsAccountId(awsAccountId)
                .region(region)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .firstObservedAt(firstObservedAt)
                .lastObservedAt(lastObservedAt)
                .recordState(recordState)
                .title(title)
                .description(description)
                .severityLabel(severityLabel)
                .severityNormalized(severityNormalized)
                .workflowStatus(workflowStatus)
                .resources(resources)
                .compliance(compliance)
                .remediationText(remediationText)
                .remediationUrl(remediationUrl)
                .productFields(productFields)
                .build();
        }

        /**
         * Moves the parser past the rest of a finding left out, back to the list of findings, noting the finding's
         * {@code Id} on the way when it was not read yet.
         */
        void skipRest(JsonStreamContext list) throws IOException {
            while (parser.getParsingContext() != list) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new IOException("The answer ends inside a finding");
                }
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext() == object && id.isEmpty()
                    && "Id".equals(parser.currentName()) && parser.nextToken() == JsonToken.VALUE_STRING) {
                    id = Optional.of(parser.getText());
                }
            }
        }

        private Optional<String> identity(JsonToken value, String field) throws IOException {
            Optional<String> text = text(value, field);
            if (text.isPresent() && text.get().length() > MAX_KEY) {
                id = field.equals("Id") ? text : id;
                throw new WrongShape(field + " is longer than " + MAX_KEY + " characters");
            }
            return text;
        }

        private void severity(JsonToken value) throws IOException {
            if (!object(value, "Severity")) {
                return;
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken field = parser.nextToken();
                if ("Label".equals(name)) {
                    severityLabel = text(field, "Severity.Label");
                } else if ("Normalized".equals(name)) {
                    severityNormalized = normalized(field);
                } else {
                    parser.skipChildren();
                }
            }
        }

        private Optional<Integer> normalized(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return Optional.empty();
            }
            if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                throw new WrongShape("Severity.Normalized is " + kind(value) + ", not a whole number");
            }
            return Optional.of(parser.getIntValue());
        }

        private void workflow(JsonToken value) throws IOException {
            if (!object(value, "Workflow")) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if ("Status".equals(parser.currentName())) {
                    workflowStatus = text(parser.nextToken(), "Workflow.Status");
                } else {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        }

        private void resources(JsonToken value) throws IOException {
            resources.clear();
            if (!array(value, "Resources")) {
                return;
            }
            int index = 0;
            for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
                String where = "Resources[" + index + "]";
                if (entry != JsonToken.START_OBJECT) {
                    throw new WrongShape(where + " is " + kind(entry) + ", not an object");
                }
                if (index++ < MAX_LIST) {
                    resources.add(resource(where + "."));
                } else {
                    parser.skipChildren();
                }
            }
            noteCut("Resources", index, MAX_LIST);
        }

        private AsffFinding.AsffResource resource(String where) throws IOException {
            Optional<String> type = Optional.empty();
            Optional<String> resourceId = Optional.empty();
            Optional<String> partition = Optional.empty();
            Optional<String> resourceRegion = Optional.empty();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken field = parser.nextToken();
                switch (name) {
                    case "Type" -> type = text(field, where + name);
                    case "Id" -> resourceId = text(field, where + name);
                    case "Partition" -> partition = text(field, where + name);
                    case "Region" -> resourceRegion = text(field, where + name);
                    default -> parser.skipChildren();
                }
            }
            return AsffFinding.AsffResource.builder().type(type).id(resourceId).partition(partition)
                .region(resourceRegion).build();
        }

        private void compliance(JsonToken value) throws IOException {
            compliance = Optional.empty();
            if (!object(value, "Compliance")) {
                return;
            }
            Optional<String> status = Optional.empty();
            Optional<String> control = Optional.empty();
            List<String> requirements = List.of();
            List<String> standards = List.of();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken field = parser.nextToken();
                switch (name) {
                    case "Status" -> status = text(field, "Compliance.Status");
                    case "SecurityControlId" -> control = text(field, "Compliance.SecurityControlId");
                    case "RelatedRequirements" -> requirements = requirements(field);
                    case "AssociatedStandards" -> standards = standards(field);
                    default -> parser.skipChildren();
                }
            }
            compliance = Optional.of(AsffFinding.AsffCompliance.builder().status(status).securityControlId(control)
                .relatedRequirements(requirements).associatedStandards(standards).build());
        }

        private List<String> requirements(JsonToken value) throws IOException {
            List<String> kept = new ArrayList<>();
            if (!array(value, "RelatedRequirements")) {
                return kept;
            }
            int index = 0;
            for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
                String requirement = textOf(entry, "Compliance.RelatedRequirements[" + index + "]");
                if (index++ < MAX_LIST) {
                    kept.add(requirement);
                }
            }
            noteCut("Compliance.RelatedRequirements", index, MAX_LIST);
            return kept;
        }

        private List<String> standards(JsonToken value) throws IOException {
            List<String> kept = new ArrayList<>();
            if (!array(value, "AssociatedStandards")) {
                return kept;
            }
            int index = 0;
            for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
                String where = "Compliance.AssociatedStandards[" + index++ + "]";
                if (entry != JsonToken.START_OBJECT) {
                    throw new WrongShape(where + " is " + kind(entry) + ", not an object");
                }
                Optional<String> standard = Optional.empty();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    if ("StandardsId".equals(parser.currentName())) {
                        standard = text(parser.nextToken(), where + ".StandardsId");
                    } else {
                        parser.nextToken();
                        parser.skipChildren();
                    }
                }
                standard.ifPresent(kept::add);
            }
            return kept;
        }

        private void remediation(JsonToken value) throws IOException {
            remediationText = Optional.empty();
            remediationUrl = Optional.empty();
            if (!object(value, "Remediation")) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean recommendation = "Recommendation".equals(parser.currentName());
                JsonToken field = parser.nextToken();
                if (!recommendation) {
                    parser.skipChildren();
                } else if (object(field, "Recommendation")) {
                    recommendation();
                }
            }
        }

        private void recommendation() throws IOException {
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken field = parser.nextToken();
                if ("Text".equals(name)) {
                    String where = "Remediation.Recommendation.Text";
                    remediationText = cut(text(field, where), where, MAX_TEXT);
                } else if ("Url".equals(name)) {
                    remediationUrl = text(field, "Remediation.Recommendation.Url");
                } else {
                    parser.skipChildren();
                }
            }
        }

        /**
         * The product fields, in the order sent; when there are more than the connector keeps, the first
         * {@value #MAX_PRODUCT_FIELDS} by key order.
         */
        private void productFields(JsonToken value) throws IOException {
            productFields = Map.of();
            if (!object(value, "ProductFields")) {
                return;
            }
            Map<String, String> read = new LinkedHashMap<>();
            int count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String text = textOf(parser.nextToken(), "ProductFields." + shortKey(key));
                count++;
                if (key.length() <= MAX_KEY) {
                    read.put(key, text);
                }
            }
            if (read.size() > MAX_PRODUCT_FIELDS) {
                Map<String, String> first = new LinkedHashMap<>();
                new TreeMap<>(read).entrySet().stream().limit(MAX_PRODUCT_FIELDS)
                    .forEach(entry -> first.put(entry.getKey(), entry.getValue()));
                read = first;
            }
            for (Map.Entry<String, String> entry : read.entrySet()) {
                if (entry.getValue().length() > MAX_PRODUCT_FIELD) {
                    entry.setValue(cut(Optional.of(entry.getValue()), "ProductFields." + entry.getKey(),
                        MAX_PRODUCT_FIELD).orElseThrow());
                }
            }
            noteCut("ProductFields", count, read.size());
            productFields = read;
        }

        private Optional<String> cut(Optional<String> text, String field, int limit) {
            if (text.isEmpty() || text.get().length() <= limit) {
                return text;
            }
            String value = text.get();
            cuts.add(new Cut(field, value.length(), limit));
            return Optional.of(value.substring(0, limit) + " [cut short by the connector SDK: " + value.length()
                + " characters in all]");
        }

        private void noteCut(String field, int original, int kept) {
            if (original > kept) {
                cuts.add(new Cut(field, original, kept));
            }
        }

        /** The text of the current value: absent when null, a wrong shape when not a string. */
        private Optional<String> text(JsonToken value, String field) throws IOException {
            return value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(textOf(value, field));
        }

        private String textOf(JsonToken value, String field) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                throw new WrongShape(field + " is " + kind(value) + ", not a string");
            }
            return parser.getText();
        }

        /** Whether the current value is an object to read: false when null, a wrong shape when not an object. */
        private static boolean object(JsonToken value, String field) {
            return shaped(value, JsonToken.START_OBJECT, field, "an object");
        }

        private static boolean array(JsonToken value, String field) {
            return shaped(value, JsonToken.START_ARRAY, field, "an array");
        }

        private static boolean shaped(JsonToken value, JsonToken expected, String field, String kind) {
            if (value == JsonToken.VALUE_NULL) {
                return false;
            }
            if (value != expected) {
                throw new WrongShape(field + " is " + kind(value) + ", not " + kind);
            }
            return true;
        }

        private static String shortKey(String key) {
            return key.length() <= 64 ? key : key.substring(0, 64) + "...";
        }

        private static String kind(JsonToken value) {
            return switch (value) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_STRING -> "a string";
                case VALUE_NULL -> "null";
                default -> "binary";
            };
        }

        /** A field cut short or a list cut down: its length before and after. */
        private record Cut(String field, int original, int kept) {
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
