package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads an ASFF severity as Security Hub does. */
public final class Severities {

    private Severities() {
    }

    /**
     * The label of an ASFF {@code Severity}: its {@code Label}, else derived from {@code Normalized} (0
     * informational, 1-39 low, 40-69 medium, 70-89 high, 90-100 critical); empty when neither is usable.
     */
    public static Optional<String> label(JsonNode severity) {
        Optional<String> label = Json.text(severity, "Label");
        if (label.isPresent()) {
            return label;
        }
        JsonNode normalized = severity.path("Normalized");
        return normalized.isNumber() ? Optional.of(labelOf(normalized.asInt())) : Optional.empty();
    }

    private static String labelOf(int normalized) {
        if (normalized <= 0) {
            return "INFORMATIONAL";
        }
        if (normalized < 40) {
            return "LOW";
        }
        if (normalized < 70) {
            return "MEDIUM";
        }
        return normalized < 90 ? "HIGH" : "CRITICAL";
    }
}
