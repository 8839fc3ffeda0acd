package io.cloudconnector.examples;

import io.cloudconnector.FleetListener;
import io.cloudconnector.InstanceOnboarding;
import io.cloudconnector.RegionDiscovery;
import io.cloudconnector.SentCommand;
import java.io.PrintStream;

/** Prints the SDK's progress events as short lines, so a person sees the work move. */
final class ProgressPrinter implements FleetListener {

    private final PrintStream progress;

    ProgressPrinter(PrintStream progress) {
        this.progress = progress;
    }

    void step(String what) {
        progress.println("... " + what);
    }

    @Override
    public void regionDiscovered(RegionDiscovery region) {
        progress.println("... region " + region.region() + ": " + region.status()
            + region.cause().map(cause -> " (" + cause + ")").orElse("")
            + ", " + region.instanceCount() + " instances");
    }

    @Override
    public void batchSent(SentCommand command) {
        progress.println("... sent " + command.documentName() + " " + command.commandId() + " to "
            + command.instanceIds().size() + " instances in " + command.region());
    }

    @Override
    public void instanceOnboarded(InstanceOnboarding outcome) {
        progress.println("... " + outcome.instanceId() + " onboarded to Azure Arc");
    }

    @Override
    public void instanceFailed(InstanceOnboarding outcome) {
        progress.println("... " + outcome.instanceId() + " failed: " + outcome.status() + " " + outcome.detail());
    }
}
