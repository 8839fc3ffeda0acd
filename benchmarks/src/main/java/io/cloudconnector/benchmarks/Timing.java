package io.cloudconnector.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Runs work repeatedly and keeps the median; the machines are shared and noisy, so one run proves little. */
final class Timing {

    private Timing() {
    }

    /** The median of {@code values}; the mean of the two middle ones for an even count. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Runs {@code work} and returns how long it took, in seconds, with what it returned. */
    static <T> Timed<T> time(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(secondsSince(start), value);
    }

    /** A result and the seconds it took. */
    record Timed<T>(double seconds, T value) {
    }
}
