package io.cloudconnector.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.SpecJson;
import io.cloudconnector.azure.AzureAdapter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The child JVM of the memory benchmark: counts every finding of a spec through {@code ConnectorClient.findings()}
 * against the AWS endpoint in {@code CLOUD_CONNECTOR_AWS_ENDPOINT} (credentials from the AWS default chain), and
 * prints one line: {@code count=N seconds=S peakHeapBytes=P maxLiveBytes=L gcs=G}. The peak is the most heap in
 * use when a collection started; the live figure the most left after one.
 *
 * <p>Usage: {@code CountFindings spec.json}.
 */
public final class CountFindings {

    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();

    private CountFindings() {
    }

    public static void main(String[] args) {
        watchCollections();
        Map<String, String> environment = System.getenv();
        CloudEndpoints endpoints = CloudEndpoints.builder()
            .aws(URI.create(environment.get("CLOUD_CONNECTOR_AWS_ENDPOINT"))).build();
        int perSecond = Integer.parseInt(environment.getOrDefault("CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND",
            String.valueOf(ResiliencePolicy.GET_FINDINGS_PER_SECOND)));
        ConnectorSpec spec = SpecJson.read(Path.of(args[0]));
        long start = System.nanoTime();
        long count;
        try (ConnectorClient client = ConnectorClient.of(Clients.aws(endpoints, perSecond),
                AzureAdapter.create(endpoints));
             Stream<Finding> findings = client.findings(spec, FindingQuery.activeFindings())) {
            count = findings.count();
        }
        double seconds = Timing.secondsSince(start);
        long used = heapUsed();
        System.out.printf(Locale.ROOT, "count=%d seconds=%.2f peakHeapBytes=%d maxLiveBytes=%d gcs=%d%n", count,
            seconds, Math.max(PEAK.get(), used), LIVE.get(), COLLECTIONS.get());
    }

    private static void watchCollections() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
                COLLECTIONS.incrementAndGet();
                PEAK.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                LIVE.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
    }

    private static long sum(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(entry -> heapPool(entry.getKey()))
            .mapToLong(entry -> entry.getValue().getUsed()).sum();
    }

    private static boolean heapPool(String name) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
            .anyMatch(pool -> pool.getName().equals(name) && pool.getType() == MemoryType.HEAP);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
