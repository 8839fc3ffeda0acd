package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A GetFindings query: its {@code Filters} as a predicate and its {@code SortCriteria} as an order, read as
 * Security Hub reads them. EQUALS, PREFIX and CONTAINS comparisons on one field are ORed; NOT_EQUALS,
 * PREFIX_NOT_EQUALS and NOT_CONTAINS are ANDed; fields are ANDed. Without sort criteria, newest UpdatedAt first.
 */
final class FindingQuery {

    /** A query Security Hub would reject; the message says why. */
    static final class InvalidQuery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQuery(String message) {
            super(message);
        }
    }

    private static final int MAX_FILTER_FIELDS = 10;
    private static final int MAX_FILTER_VALUES = 20;

    final Predicate<FindingStore.Stored> filter;
    final Comparator<FindingStore.Stored> order;
    /** The order when it is by {@code UpdatedAt} alone (ascending or descending); empty for any other order. */
    final Optional<Boolean> updatedAtAscending;

    private FindingQuery(Predicate<FindingStore.Stored> filter, Comparator<FindingStore.Stored> order,
        Optional<Boolean> updatedAtAscending) {
        this.filter = filter;
        this.order = order;
        this.updatedAtAscending = updatedAtAscending;
    }

    /**
     * Reads {@code request}'s Filters and SortCriteria.
     *
     * @throws InvalidQuery when a filter or sort field is unknown to the sandbox or a value is invalid
     */
    static FindingQuery of(JsonNode request, Clock clock) {
        JsonNode filters = request.path("Filters");
        if (filters.size() > MAX_FILTER_FIELDS) {
            throw new InvalidQuery("Filters may name at most " + MAX_FILTER_FIELDS + " attributes");
        }
        Predicate<FindingStore.Stored> filter = f -> true;
        for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().size() > MAX_FILTER_VALUES) {
                throw new InvalidQuery("Filter " + field.getKey() + " may have at most 20 values");
            }
            filter = filter.and(fieldFilter(field.getKey(), field.getValue(), clock));
        }
        JsonNode criteria = request.path("SortCriteria");
        return new FindingQuery(filter, order(criteria), updatedAtAscending(criteria));
    }

    private static Predicate<FindingStore.Stored> fieldFilter(String name, JsonNode conditions, Clock clock) {
        if (FindingStore.STRING_FIELDS.containsKey(name)) {
            return stringFilter(name, conditions);
        }
        if (FindingStore.DATE_FIELDS.contains(name)) {
            return dateFilter(name, conditions, clock);
        }
        throw new InvalidQuery("The sandbox does not support the filter " + name);
    }

    private static Predicate<FindingStore.Stored> stringFilter(String name, JsonNode conditions) {
        List<Predicate<List<String>>> anyOf = new ArrayList<>();
        List<Predicate<List<String>>> allOf = new ArrayList<>();
        for (JsonNode condition : conditions) {
            String value = condition.path("Value").asText();
            String comparison = condition.path("Comparison").asText();
            switch (comparison) {
                case "EQUALS" -> anyOf.add(values -> values.contains(value));
                case "PREFIX" -> anyOf.add(values -> values.stream().anyMatch(v -> v.startsWith(value)));
                case "CONTAINS" -> anyOf.add(values -> values.stream().anyMatch(v -> v.contains(value)));
                case "NOT_EQUALS" -> allOf.add(values -> !values.contains(value));
                case "PREFIX_NOT_EQUALS" -> allOf.add(values -> values.stream().noneMatch(v -> v.startsWith(value)));
                case "NOT_CONTAINS" -> allOf.add(values -> values.stream().noneMatch(v -> v.contains(value)));
                default -> throw new InvalidQuery("Invalid Comparison '" + comparison + "' for filter " + name);
            }
        }
        return stored -> {
            List<String> values = stored.strings().get(name);
            return (anyOf.isEmpty() || anyOf.stream().anyMatch(p -> p.test(values)))
                && allOf.stream().allMatch(p -> p.test(values));
        };
    }

    private static Predicate<FindingStore.Stored> dateFilter(String name, JsonNode conditions, Clock clock) {
        List<Predicate<Instant>> all = new ArrayList<>();
        for (JsonNode condition : conditions) {
            if (condition.has("DateRange")) {
                JsonNode range = condition.get("DateRange");
                if (!"DAYS".equals(range.path("Unit").asText()) || !range.path("Value").canConvertToInt()) {
                    throw new InvalidQuery("DateRange of " + name + " needs a Value and the Unit DAYS");
                }
                Instant since = clock.instant().minus(Duration.ofDays(range.get("Value").asInt()));
                boolean older = "OLDER_THAN".equals(range.path("Comparison").asText());
                all.add(at -> older ? at.isBefore(since) : !at.isBefore(since));
            }
            if (condition.has("Start")) {
                Instant start = instant(name, condition.get("Start").asText());
                all.add(at -> !at.isBefore(start));
            }
            if (condition.has("End")) {
                Instant end = instant(name, condition.get("End").asText());
                all.add(at -> !at.isAfter(end));
            }
        }
        return stored -> {
            Instant at = stored.dates().get(name);
            return at != null && all.stream().allMatch(p -> p.test(at));
        };
    }

    private static Instant instant(String name, String text) {
        return Timestamps.parse(text).orElseThrow(() -> new InvalidQuery("Invalid timestamp '" + text
            + "' in filter " + name));
    }

    private static Comparator<FindingStore.Stored> order(JsonNode criteria) {
        Comparator<FindingStore.Stored> order = null;
        for (JsonNode criterion : criteria) {
            String field = criterion.path("Field").asText();
            boolean descending = "desc".equalsIgnoreCase(criterion.path("SortOrder").asText("asc"));
            Comparator<FindingStore.Stored> next = by(field);
            next = descending ? next.reversed() : next;
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<FindingStore.Stored> newestFirst = by("UpdatedAt").reversed();
        return (order == null ? newestFirst : order).thenComparing(FindingStore.Stored::key);
    }

    private static Optional<Boolean> updatedAtAscending(JsonNode criteria) {
        if (criteria.size() == 0) {
            return Optional.of(false);
        }
        JsonNode only = criteria.path(0);
        if (criteria.size() > 1 || !"UpdatedAt".equals(only.path("Field").asText())) {
            return Optional.empty();
        }
        return Optional.of(!"desc".equalsIgnoreCase(only.path("SortOrder").asText("asc")));
    }

    private static Comparator<FindingStore.Stored> by(String field) {
        if (FindingStore.DATE_FIELDS.contains(field)) {
            return Comparator.comparing(f -> f.dates().get(field), Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        if (FindingStore.STRING_FIELDS.containsKey(field)) {
            return Comparator.comparing(f -> f.strings().get(field).isEmpty() ? "" : f.strings().get(field).get(0));
        }
        throw new InvalidQuery("The sandbox cannot sort by " + field);
    }
}
