package io.cloudconnector.benchmarks;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on standard error, so that standard output holds the table alone. */
final class Progress {

    private static final PrintStream ERR = System.err;
    private static final long START = System.nanoTime();

    private Progress() {
    }

    /** Prints one progress line, stamped with the seconds since the harness started. */
    static void say(String format, Object... args) {
        ERR.printf(Locale.ROOT, "[%6.1fs] %s%n", Timing.secondsSince(START), String.format(Locale.ROOT, format, args));
    }
}
