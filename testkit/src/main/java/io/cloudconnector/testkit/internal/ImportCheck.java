package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The checks BatchImportFindings makes on each finding: the required ASFF fields and valid timestamps. */
final class ImportCheck {

    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
        "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");

    private ImportCheck() {
    }

    /** Why {@code finding} would be rejected, or empty when it is accepted. */
    static Optional<String> problem(JsonNode finding) {
        for (String field : REQUIRED) {
            if (!finding.hasNonNull(field)) {
                return Optional.of("Finding is missing the required field " + field);
            }
        }
        for (String field : List.of("CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt")) {
            if (finding.has(field) && Timestamps.parse(finding.get(field).asText()).isEmpty()) {
                return Optional.of("Invalid timestamp in " + field);
            }
        }
        JsonNode severity = finding.get("Severity");
        if (!severity.has("Label") && !severity.has("Normalized")) {
            return Optional.of("Severity needs a Label or a Normalized score");
        }
        return Optional.empty();
    }
}
