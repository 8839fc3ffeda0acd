package io.cloudconnector.internal.readiness;

import java.util.function.Supplier;

/**
 * One fact as a port returned it, or the exception that kept it from being gathered. Any runtime exception counts:
 * a check that could not be run is reported as ERROR with the cause, and the other checks still run.
 */
public record Gathered<T>(T value, RuntimeException failure) {

    public static <T> Gathered<T> of(Supplier<T> supplier) {
        try {
            return new Gathered<>(supplier.get(), null);
        } catch (RuntimeException e) {
            return new Gathered<>(null, e);
        }
    }

    public static <T> Gathered<T> value(T value) {
        return new Gathered<>(value, null);
    }

    public static <T> Gathered<T> failed(RuntimeException failure) {
        return new Gathered<>(null, failure);
    }

    public boolean ok() {
        return failure == null;
    }

    /** The failure in words: its message, or its type when it has none. */
    public String cause() {
        if (failure == null) {
            return "";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
