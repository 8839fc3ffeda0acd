package io.cloudconnector.internal.fleet;

import io.cloudconnector.spi.ArcMachine;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Arc machines of a resource group, found by EC2 instance ID: a machine matches an instance when its resource
 * name is the instance ID (the agent's default on AWS) or its {@code InstanceId} tag is. A Connected machine wins
 * over another match.
 */
final class ArcIndex {

    /** The tag the onboarding script sets, and that a host may set, naming the instance. */
    static final String INSTANCE_ID_TAG = "InstanceId";

    private final Map<String, ArcMachine> byInstanceId = new HashMap<>();

    ArcIndex(List<ArcMachine> machines) {
        for (ArcMachine machine : machines) {
            put(machine.name(), machine);
            machine.tags().entrySet().stream()
                .filter(tag -> INSTANCE_ID_TAG.equalsIgnoreCase(tag.getKey()))
                .forEach(tag -> put(tag.getValue(), machine));
        }
    }

    Optional<ArcMachine> find(String instanceId) {
        return Optional.ofNullable(byInstanceId.get(key(instanceId)));
    }

    private void put(String instanceId, ArcMachine machine) {
        byInstanceId.merge(key(instanceId), machine, (old, candidate) -> isConnected(old) ? old : candidate);
    }

    private static boolean isConnected(ArcMachine machine) {
        return machine.status().map("Connected"::equalsIgnoreCase).orElse(false);
    }

    private static String key(String instanceId) {
        return instanceId.trim().toLowerCase(Locale.ROOT);
    }
}
