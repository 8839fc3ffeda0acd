package io.cloudconnector.internal.fleet;

import io.cloudconnector.FleetListener;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.ScheduledRun;
import io.cloudconnector.SentCommand;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link FleetListener} that passes events on and logs, then ignores, whatever the host's listener throws. */
public final class SafeListener implements FleetListener {

    /** A listener that does nothing. */
    public static final FleetListener NONE = new FleetListener() {
    };

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final FleetListener delegate;

    private SafeListener(FleetListener delegate) {
        this.delegate = delegate;
    }

    /** {@code listener}, made safe. */
    public static FleetListener of(FleetListener listener) {
        Objects.requireNonNull(listener, "listener");
        return listener instanceof SafeListener || listener == NONE ? listener : new SafeListener(listener);
    }

    @Override
    public void runStarted(long runNumber, Instant startedAt) {
        call("runStarted", () -> delegate.runStarted(runNumber, startedAt));
    }

    @Override
    public void regionDiscovered(RegionDiscovery region) {
        call("regionDiscovered", () -> delegate.regionDiscovered(region));
    }

    @Override
    public void batchSent(SentCommand command) {
        call("batchSent", () -> delegate.batchSent(command));
    }

    @Override
    public void instanceOnboarded(InstanceOnboarding outcome) {
        call("instanceOnboarded", () -> delegate.instanceOnboarded(outcome));
    }

    @Override
    public void instanceFailed(InstanceOnboarding outcome) {
        call("instanceFailed", () -> delegate.instanceFailed(outcome));
    }

    @Override
    public void regionOnboarded(RegionOnboarding region) {
        call("regionOnboarded", () -> delegate.regionOnboarded(region));
    }

    @Override
    public void runFinished(ScheduledRun run) {
        call("runFinished", () -> delegate.runFinished(run));
    }

    private static void call(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("The fleet listener threw on {}; the run goes on", event, e);
        }
    }
}
