package io.cloudconnector.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a piece of work writes to standard error, where SLF4J's simple logger writes the SDK's logs: for tests that
 * check what is logged (that no secret ever is, for one). Not thread-safe with other code that replaces
 * {@code System.err} at the same time.
 */
public final class StandardError {

    private StandardError() {
    }

    /**
     * Runs {@code work} with standard error captured, then writes what was captured to the real standard error too
     * (so a test's output still shows it) and returns it.
     */
    public static String during(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
