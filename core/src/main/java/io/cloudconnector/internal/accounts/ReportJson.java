package io.cloudconnector.internal.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudconnector.AccountReport;
import io.cloudconnector.ConnectorException;

/**
 * The JSON of {@link AccountReport}s: times and durations as ISO-8601 text, empty optional values left out, unknown
 * fields ignored on reading (a report may come from a newer worker).
 */
public final class ReportJson {

    /** The mapper of reports; also renders them inside a fleet report. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private ReportJson() {
    }

    /** The report as indented JSON. */
    public static String write(AccountReport report) {
        return text(tree(report));
    }

    /**
     * Reads a report.
     *
     * @throws IllegalArgumentException when {@code json} is not an account report
     */
    public static AccountReport readAccount(String json) {
        try {
            return MAPPER.readValue(json, AccountReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an account report: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr()), e);
        }
    }

    /** The report as a JSON object. */
    static ObjectNode tree(AccountReport report) {
        return MAPPER.valueToTree(report);
    }

    /** {@code node} as indented JSON text. */
    static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new ConnectorException("Could not render a report as JSON", e);
        }
    }
}
