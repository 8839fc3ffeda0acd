package io.cloudconnector.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Azure Arc machines of the sandbox: seeded, and added when an onboarding command succeeds. Thread-safe. */
public final class ArcRegistry {

    /** An Arc machine. */
    public record Machine(String subscriptionId, String resourceGroup, String name, String location, String status,
        Map<String, String> tags, String osType, String osName, Instant lastStatusChange) {

        /** The machine's resource ID. */
        public String id() {
            return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.HybridCompute/machines/" + name;
        }
    }

    private final Map<String, Machine> machines = new LinkedHashMap<>();

    synchronized void put(Machine machine) {
        machines.put(key(machine.subscriptionId(), machine.resourceGroup(), machine.name()), machine);
    }

    synchronized Optional<Machine> get(String subscriptionId, String resourceGroup, String name) {
        return Optional.ofNullable(machines.get(key(subscriptionId, resourceGroup, name)));
    }

    /** The machines of one resource group, in the order they were added. */
    public synchronized List<Machine> inResourceGroup(String subscriptionId, String resourceGroup) {
        String prefix = key(subscriptionId, resourceGroup, "");
        List<Machine> list = new ArrayList<>();
        machines.forEach((key, machine) -> {
            if (key.startsWith(prefix)) {
                list.add(machine);
            }
        });
        return list;
    }

    private static String key(String subscriptionId, String resourceGroup, String name) {
        return (subscriptionId + "/" + resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
    }
}
