package io.cloudconnector.internal.fleet;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.spi.RunCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link FleetPort} over in-memory facts. Each invocation answers from a script of answers per instance (the last
 * one repeats); a region can be made to fail.
 */
public final class FakeFleet implements FleetPort {

    private final Map<String, List<Ec2Instance>> instances = new ConcurrentHashMap<>();
    private final Map<String, List<ManagedInstance>> managed = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failingRegions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Supplier<Optional<CommandInvocation>>>> answers = new ConcurrentHashMap<>();
    private final List<RunCommand> sent = new ArrayList<>();
    private final List<String> polls = new ArrayList<>();
    private RuntimeException sendFailure;
    private int sendFailuresLeft;

    /** Adds instances (and their SSM entries) to a region. */
    public FakeFleet region(String region, List<Ec2Instance> ec2, List<ManagedInstance> ssm) {
        instances.put(region, ec2);
        managed.put(region, ssm);
        return this;
    }

    /** Makes every call in {@code region} throw {@code failure}. */
    public FakeFleet failRegion(String region, RuntimeException failure) {
        failingRegions.put(region, failure);
        return this;
    }

    /** Makes the next {@code times} sendCommand calls throw {@code failure}. */
    public FakeFleet failSends(int times, RuntimeException failure) {
        this.sendFailuresLeft = times;
        this.sendFailure = failure;
        return this;
    }

    /** The answers GetCommandInvocation gives for {@code instanceId}, in turn; the last repeats. */
    @SafeVarargs
    public final FakeFleet answers(String instanceId, Supplier<Optional<CommandInvocation>>... script) {
        answers.put(instanceId, new ArrayDeque<>(List.of(script)));
        return this;
    }

    /** Every command sent, in order. */
    public synchronized List<RunCommand> sent() {
        return List.copyOf(sent);
    }

    /** Every instance polled, in order. */
    public synchronized List<String> polls() {
        return List.copyOf(polls);
    }

    @Override
    public List<Ec2Instance> instances(ConnectorSpec spec, String region) {
        failIfAsked(region);
        return instances.getOrDefault(region, List.of());
    }

    @Override
    public List<ManagedInstance> managedInstances(ConnectorSpec spec, String region) {
        failIfAsked(region);
        return managed.getOrDefault(region, List.of());
    }

    @Override
    public synchronized String sendCommand(ConnectorSpec spec, String region, RunCommand command) {
        failIfAsked(region);
        if (sendFailuresLeft > 0) {
            sendFailuresLeft--;
            throw sendFailure;
        }
        sent.add(command);
        return "cmd-" + sent.size();
    }

    @Override
    public synchronized Optional<CommandInvocation> invocation(ConnectorSpec spec, String region, String commandId,
        String instanceId) {
        polls.add(instanceId);
        Deque<Supplier<Optional<CommandInvocation>>> script = answers.get(instanceId);
        if (script == null) {
            return Optional.of(Fixtures.invocation(instanceId, "Success", "Success", ""));
        }
        return (script.size() > 1 ? script.poll() : script.peek()).get();
    }

    private void failIfAsked(String region) {
        RuntimeException failure = failingRegions.get(region);
        if (failure != null) {
            throw failure;
        }
    }
}
