package io.cloudconnector;

import java.time.Instant;

/**
 * Receives progress events of discovery and onboarding runs, so a host can show progress or count metrics. Every
 * method does nothing by default; override the ones you need.
 *
 * <p>Methods are called from the SDK's worker threads, several at once when regions run in parallel, so an
 * implementation must be thread-safe and quick. An exception a method throws is logged and otherwise ignored: it never
 * stops a run.
 */
public interface FleetListener {

    /** A scheduled run started; {@code runNumber} counts from 1. */
    default void runStarted(long runNumber, Instant startedAt) {
    }

    /** Discovery finished in one region (listed, skipped or failed). */
    default void regionDiscovered(RegionDiscovery region) {
    }

    /** A command was sent to a batch of instances. */
    default void batchSent(SentCommand command) {
    }

    /** An instance was connected to Azure Arc. */
    default void instanceOnboarded(InstanceOnboarding outcome) {
    }

    /** An instance was not connected: its script failed, timed out, was not delivered, or its result is unknown. */
    default void instanceFailed(InstanceOnboarding outcome) {
    }

    /** Onboarding finished in one region. */
    default void regionOnboarded(RegionOnboarding region) {
    }

    /** A scheduled run finished, successfully or not. */
    default void runFinished(ScheduledRun run) {
    }
}
