package io.cloudconnector.internal.fleet;

import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the onboarding commands: only {@link OnboardingVerdict#ELIGIBLE} instances, grouped by region and platform
 * (Linux and Windows never share a command, their documents differ), at most {@value #MAX_INSTANCES_PER_COMMAND}
 * instance IDs per command, in the order of the discovery.
 */
public final class BatchPlanner {

    /** SSM's limit of instance IDs in one {@code SendCommand}. */
    public static final int MAX_INSTANCES_PER_COMMAND = 50;

    private BatchPlanner() {
    }

    /** The batches for {@code instances}: region by region in first-seen order, Linux before Windows. */
    public static List<PlannedBatch> plan(List<DiscoveredInstance> instances) {
        Map<String, Map<InstancePlatform, List<String>>> grouped = new LinkedHashMap<>();
        for (DiscoveredInstance instance : instances) {
            if (instance.verdict() == OnboardingVerdict.ELIGIBLE && instance.platform() != InstancePlatform.MACOS) {
                grouped.computeIfAbsent(instance.region(), region -> new EnumMap<>(InstancePlatform.class))
                    .computeIfAbsent(instance.platform(), platform -> new ArrayList<>())
                    .add(instance.instanceId());
            }
        }
        List<PlannedBatch> batches = new ArrayList<>();
        grouped.forEach((region, byPlatform) -> byPlatform.forEach((platform, ids) -> {
            for (int from = 0; from < ids.size(); from += MAX_INSTANCES_PER_COMMAND) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_INSTANCES_PER_COMMAND));
                batches.add(new PlannedBatch(region, platform, List.copyOf(chunk)));
            }
        }));
        return batches;
    }
}
