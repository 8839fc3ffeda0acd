package io.cloudconnector.internal.findings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Parses ASFF times: date, {@code T}, time to the second, 0 to 9 fraction digits, then {@code Z} or an offset of
 * {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} (at most ±18:00).
 */
final class AsffTimes {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
        .appendPattern("[XXX][XX][X]")
        .toFormatter();

    private AsffTimes() {
    }

    /**
     * The instant {@code text} stands for.
     *
     * @throws MalformedFindingException naming {@code field} when the text is not an accepted time
     */
    static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip(), FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedFindingException(field + " is not an ASFF time: '" + text + "'");
        }
    }

    /** The instant of an optional time; empty when absent. */
    static Optional<Instant> parseOptional(String field, Optional<String> text) {
        return text.map(value -> parse(field, value));
    }
}
