package io.cloudconnector.internal.findings;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** The length of {@code uuuu-MM-ddTHH:mm:ssZ}. */
    private static final int UTC_LENGTH = 20;
    private static final int MAX_FRACTION_DIGITS = 9;

    private AsffTimes() {
    }

    /**
     * The instant {@code text} stands for.
     *
     * @throws MalformedFindingException naming {@code field} when the text is not an accepted time
     */
    static Instant parse(String field, String text) {
        String value = text.strip();
        Instant utc = utc(value);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(value, FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedFindingException(field + " is not an ASFF time: '" + text + "'");
        }
    }

    /**
     * The form AWS writes, {@code uuuu-MM-ddTHH:mm:ss} with 0 to 9 fraction digits and {@code Z}, read without the
     * formatter (which costs about a microsecond per time, four times per finding); null for any other form or an
     * impossible date, which the formatter then judges.
     */
    private static Instant utc(String text) {
        int length = text.length();
        if (length < UTC_LENGTH || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
            || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > UTC_LENGTH) {
            int digits = length - UTC_LENGTH - 1;
            if (text.charAt(19) != '.' || digits < 1 || digits > MAX_FRACTION_DIGITS) {
                return null;
            }
            nanos = number(text, 20, length - 1);
            for (int i = digits; i < MAX_FRACTION_DIGITS && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException ignored) {
            return null;
        }
    }

    /** The decimal number of {@code text} from {@code start} to {@code end}; -1 when a character is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The instant of an optional time; empty when absent. */
    static Optional<Instant> parseOptional(String field, Optional<String> text) {
        return text.map(value -> parse(field, value));
    }
}
