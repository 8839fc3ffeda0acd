package io.cloudconnector.internal.fleet;

import io.cloudconnector.FleetListener;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.RegionOnboarding;
import io.cloudconnector.ScheduledRun;
import io.cloudconnector.SentCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A listener that writes down every event as one line. */
public final class RecordingListener implements FleetListener {

    private final List<String> events = new ArrayList<>();

    /** Every event so far, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized void runStarted(long runNumber, Instant startedAt) {
        events.add("runStarted " + runNumber + " " + startedAt);
    }

    @Override
    public synchronized void regionDiscovered(RegionDiscovery region) {
        events.add("regionDiscovered " + region.region() + " " + region.status());
    }

    @Override
    public synchronized void batchSent(SentCommand command) {
        events.add("batchSent " + command.region() + " " + command.documentName() + " " + command.instanceIds());
    }

    @Override
    public synchronized void instanceOnboarded(InstanceOnboarding outcome) {
        events.add("instanceOnboarded " + outcome.instanceId());
    }

    @Override
    public synchronized void instanceFailed(InstanceOnboarding outcome) {
        events.add("instanceFailed " + outcome.instanceId() + " " + outcome.status());
    }

    @Override
    public synchronized void regionOnboarded(RegionOnboarding region) {
        events.add("regionOnboarded " + region.region() + " " + region.status());
    }

    @Override
    public synchronized void runFinished(ScheduledRun run) {
        events.add("runFinished " + run.runNumber() + (run.succeeded() ? " ok" : " failed: " + run.failure().get()));
    }
}
