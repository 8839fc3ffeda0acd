package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SeedFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Security Hub findings of every region, each kept serialised once with an index of the fields filters and
 * sorts read, so a page of a large seed costs little. Query results are cached per query until the findings change.
 * Thread-safe.
 */
final class FindingStore {

    /** The string filter keys the sandbox evaluates, with the values each finding holds for them. */
    static final Map<String, Function<JsonNode, List<String>>> STRING_FIELDS = stringFields();
    /** The date filter keys. */
    static final Set<String> DATE_FIELDS = Set.of("UpdatedAt", "CreatedAt", "FirstObservedAt", "LastObservedAt");

    private static final int CACHED_QUERIES = 32;

    /** One stored finding. */
    record Stored(String key, String json, Map<String, List<String>> strings, Map<String, Instant> dates) {

        String region() {
            List<String> regions = strings.get("Region");
            return regions.isEmpty() ? "" : regions.get(0);
        }
    }

    private final Map<String, Stored> findings = new LinkedHashMap<>();
    private final Map<String, List<Stored>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Stored>> eldest) {
            return size() > CACHED_QUERIES;
        }
    };

    FindingStore(Collection<SeedFinding> seed) {
        seed.forEach(f -> put(Json.parse(f.json()).orElseThrow(), f.json()));
    }

    /** Adds or replaces a finding (same ProductArn and Id). */
    synchronized void put(ObjectNode asff) {
        put(asff, Json.write(asff));
    }

    private synchronized void put(JsonNode asff, String json) {
        Map<String, List<String>> strings = new LinkedHashMap<>();
        STRING_FIELDS.forEach((name, read) -> strings.put(name, read.apply(asff)));
        Map<String, Instant> dates = new LinkedHashMap<>();
        DATE_FIELDS.forEach(name -> Timestamps.parse(Json.text(asff, name).orElse(null))
            .ifPresent(at -> dates.put(name, at)));
        String key = Json.text(asff, "ProductArn").orElse("") + "|" + Json.text(asff, "Id").orElse("");
        findings.put(key, new Stored(key, json, strings, dates));
        cache.clear();
    }

    /** The findings of {@code regions} that pass {@code filter}, in {@code order}; cached under {@code queryKey}. */
    synchronized List<Stored> query(String queryKey, Set<String> regions, Predicate<Stored> filter,
        Comparator<Stored> order) {
        return cache.computeIfAbsent(queryKey, k -> findings.values().stream()
            .filter(f -> regions.contains(f.region())).filter(filter).sorted(order).collect(Collectors.toList()));
    }

    private static Map<String, Function<JsonNode, List<String>>> stringFields() {
        Map<String, Function<JsonNode, List<String>>> fields = new LinkedHashMap<>();
        List.of("Id", "ProductArn", "ProductName", "CompanyName", "GeneratorId", "AwsAccountId", "Title",
            "Description", "RecordState", "WorkflowState")
            .forEach(name -> fields.put(name, f -> one(Json.text(f, name))));
        fields.put("Region", f -> one(Json.text(f, "Region").or(() -> Json.text(f.path("Resources").path(0),
            "Region"))));
        fields.put("Type", f -> Json.texts(f, "Types"));
        fields.put("SeverityLabel", f -> one(Severities.label(f.path("Severity"))));
        fields.put("ComplianceStatus", f -> one(Json.text(f.path("Compliance"), "Status")));
        fields.put("ComplianceSecurityControlId", f -> one(Json.text(f.path("Compliance"), "SecurityControlId")));
        fields.put("ComplianceAssociatedStandardsId", f -> each(f.path("Compliance").path("AssociatedStandards"),
            "StandardsId"));
        fields.put("WorkflowStatus", f -> one(Json.text(f.path("Workflow"), "Status")));
        fields.put("ResourceType", f -> each(f.path("Resources"), "Type"));
        fields.put("ResourceId", f -> each(f.path("Resources"), "Id"));
        fields.put("ResourceRegion", f -> each(f.path("Resources"), "Region"));
        fields.put("ResourcePartition", f -> each(f.path("Resources"), "Partition"));
        return fields;
    }

    private static List<String> one(Optional<String> value) {
        return value.map(List::of).orElse(List.of());
    }

    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> Json.text(item, field).ifPresent(values::add));
        return values;
    }
}
