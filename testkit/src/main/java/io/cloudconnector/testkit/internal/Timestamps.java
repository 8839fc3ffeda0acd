package io.cloudconnector.testkit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads timestamps as Security Hub accepts them: {@code Z} or an offset, 0 to 9 fraction digits. */
public final class Timestamps {

    private static final Pattern ASFF = Pattern.compile(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}(?::?\\d{2})?)$");

    private Timestamps() {
    }

    /** The instant {@code text} names; empty when it is absent or not in an accepted form. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ASFF.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1));
            String fraction = m.group(2) == null ? "" : m.group(2);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            ZoneOffset offset = "Z".equals(m.group(3)) ? ZoneOffset.UTC : ZoneOffset.of(m.group(3));
            return Optional.of(local.withNano(nanos).toInstant(offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
