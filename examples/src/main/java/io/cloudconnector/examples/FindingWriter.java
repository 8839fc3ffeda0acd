package io.cloudconnector.examples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.FindingResource;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes findings one per line: JSON Lines (every field) or CSV (the fields a spreadsheet needs). */
abstract class FindingWriter implements Closeable {

    /** The output formats. */
    enum Format { JSONL, CSV }

    static FindingWriter open(Format format, OutputStream out) {
        return format == Format.JSONL ? new JsonLines(out) : new Csv(out);
    }

    /** Writes one finding. */
    abstract void write(Finding finding);

    /** JSON Lines: one JSON object per finding, with every field of {@link Finding}. */
    private static final class JsonLines extends FindingWriter {

        private final JsonGenerator json;

        JsonLines(OutputStream out) {
            try {
                this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(new SerializedString("\n"));
        }

        @Override
        void write(Finding finding) {
            try {
                json.writeStartObject();
                json.writeStringField("id", finding.id());
                json.writeStringField("productArn", finding.productArn());
                optional("productName", finding.productName());
                json.writeStringField("generatorId", finding.generatorId());
                json.writeStringField("awsAccountId", finding.awsAccountId());
                json.writeStringField("region", finding.region());
                json.writeStringField("title", finding.title());
                json.writeStringField("description", finding.description());
                json.writeObjectFieldStart("severity");
                json.writeStringField("label", finding.severity().label().name());
                json.writeNumberField("score", finding.severity().score());
                json.writeEndObject();
                resources(finding.resources());
                if (finding.compliance().isPresent()) {
                    compliance(finding.compliance().get());
                }
                json.writeStringField("workflowStatus", finding.workflowStatus().name());
                json.writeStringField("recordState", finding.recordState().name());
                json.writeStringField("createdAt", finding.createdAt().toString());
                json.writeStringField("updatedAt", finding.updatedAt().toString());
                optional("firstObservedAt", finding.firstObservedAt().map(Instant::toString));
                optional("lastObservedAt", finding.lastObservedAt().map(Instant::toString));
                optional("remediationText", finding.remediationText());
                optional("remediationUrl", finding.remediationUrl());
                json.writeObjectFieldStart("productFields");
                for (Map.Entry<String, String> field : finding.productFields().entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void resources(List<FindingResource> resources) throws IOException {
            json.writeArrayFieldStart("resources");
            for (FindingResource resource : resources) {
                json.writeStartObject();
                json.writeStringField("type", resource.type());
                json.writeStringField("id", resource.id());
                optional("partition", resource.partition());
                optional("region", resource.region());
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void compliance(FindingCompliance compliance) throws IOException {
            json.writeObjectFieldStart("compliance");
            json.writeStringField("status", compliance.status().name());
            optional("controlId", compliance.controlId());
            strings("relatedRequirements", compliance.relatedRequirements());
            strings("associatedStandards", compliance.associatedStandards());
            json.writeEndObject();
        }

        private void strings(String name, List<String> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }

        private void optional(String name, Optional<String> value) throws IOException {
            if (value.isPresent()) {
                json.writeStringField(name, value.get());
            }
        }

        @Override
        public void close() throws IOException {
            json.writeRaw('\n');
            json.close();
        }
    }

    /**
     * CSV with a header line; fields quoted as RFC 4180 says. A field that a spreadsheet would run as a formula (it
     * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}:
     * finding titles can come from any product integrated with Security Hub.
     */
    private static final class Csv extends FindingWriter {

        private static final String HEADER = "id,awsAccountId,region,product,severity,score,title,complianceStatus,"
            + "controlId,workflowStatus,recordState,resourceType,resourceId,updatedAt";
        private static final String FORMULA_STARTS = "=+-@\t\r";

        private final Writer out;

        Csv(OutputStream stream) {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            line(HEADER);
        }

        @Override
        void write(Finding finding) {
            Optional<FindingResource> resource = finding.resources().stream().findFirst();
            line(List.of(finding.id(), finding.awsAccountId(), finding.region(), finding.productName().orElse(""),
                finding.severity().label().name(), Integer.toString(finding.severity().score()), finding.title(),
                finding.compliance().map(c -> c.status().name()).orElse(""),
                finding.compliance().flatMap(FindingCompliance::controlId).orElse(""),
                finding.workflowStatus().name(), finding.recordState().name(),
                resource.map(FindingResource::type).orElse(""), resource.map(FindingResource::id).orElse(""),
                finding.updatedAt().toString()).stream().map(Csv::quote).collect(Collectors.joining(",")));
        }

        private void line(String text) {
            try {
                out.write(text);
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String quote(String value) {
            String inert = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean plain = inert.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
            return plain ? inert : '"' + inert.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
