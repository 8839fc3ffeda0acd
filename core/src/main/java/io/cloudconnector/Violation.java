package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/** One broken rule of a {@link ConnectorSpec}: the field, the rule, and the offending value (never a secret's). */
@Value.Immutable
@ValueStyle
public abstract class Violation {

    /** The field's path, such as {@code arc.proxy} or {@code authentication.roleArn}. */
    @Value.Parameter
    public abstract String field();

    /** The rule in words, such as {@code must be a GUID}. */
    @Value.Parameter
    public abstract String rule();

    /** The offending value as it may be shown; {@value Secret#MASK} for a secret, empty for a missing value. */
    @Value.Parameter
    public abstract String value();

    /** A violation of {@code rule} by {@code value} in {@code field}. */
    public static Violation of(String field, String rule, String value) {
        return ImmutableViolation.of(field, rule, value);
    }

    /** {@code field: rule (was 'value')}, or {@code field: rule} when there is no value to show. */
    @Override
    public String toString() {
        return field() + ": " + rule() + (value().isEmpty() ? "" : " (was '" + value() + "')");
    }
}
