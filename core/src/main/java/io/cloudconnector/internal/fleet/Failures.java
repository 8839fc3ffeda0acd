package io.cloudconnector.internal.fleet;

/** Failures in words, for results and events. */
final class Failures {

    private Failures() {
    }

    /** The exception's message, or its type when it has none. */
    static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
