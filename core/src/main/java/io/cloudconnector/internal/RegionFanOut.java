package io.cloudconnector.internal;

import io.cloudconnector.ConnectorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one piece of work per region on a bounded pool and keeps every region's outcome: a failure in one region is
 * recorded for that region and never discards the results of the others.
 */
public final class RegionFanOut {

    /** How many regions are worked on at once by default. */
    public static final int DEFAULT_PARALLELISM = 8;

    private RegionFanOut() {
    }

    /**
     * Applies {@code work} to every region, at most {@code parallelism} at a time, and returns the outcomes in the
     * order of {@code regions}. Blocks until all are done. An interrupt cancels the remaining work.
     */
    public static <T> Map<String, RegionOutcome<T>> run(List<String> regions, int parallelism,
        Function<String, T> work) {
        if (regions.isEmpty()) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, regions.size()), daemonThreads());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (String region : regions) {
                futures.add(pool.submit(() -> work.apply(region)));
            }
            Map<String, RegionOutcome<T>> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < regions.size(); i++) {
                outcomes.put(regions.get(i), await(futures.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> RegionOutcome<T> await(Future<T> future) {
        try {
            return RegionOutcome.success(future.get());
        } catch (ExecutionException e) {
            return RegionOutcome.failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for regional work", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "connector-region-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The outcome of one region's work: a value, or the failure that stopped it. */
    public record RegionOutcome<T>(T value, Throwable failure) {

        static <T> RegionOutcome<T> success(T value) {
            return new RegionOutcome<>(value, null);
        }

        static <T> RegionOutcome<T> failure(Throwable failure) {
            return new RegionOutcome<>(null, failure);
        }

        /** Whether the work completed. */
        public boolean succeeded() {
            return failure == null;
        }

        /** The failure in words, for a report: the exception's message, or its type when it has none. */
        public String cause() {
            if (failure == null) {
                return "";
            }
            return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
    }
}
