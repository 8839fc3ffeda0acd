package io.cloudconnector.benchmarks;

import io.cloudconnector.SpecJson;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target 3: a child JVM limited to 128 MB of heap counts a million findings through {@code findings()}; the
 * sandbox serves them from this JVM, generated page by page, so the child's heap holds the SDK alone.
 */
final class MemoryCount {

    static final int FINDINGS = 1_000_000;
    private static final String REGION = "us-east-1";
    private static final String HEAP = "-Xmx128m";
    private static final Pattern RESULT = Pattern.compile(
        "count=(\\d+) seconds=([\\d.]+) peakHeapBytes=(\\d+) maxLiveBytes=(\\d+) gcs=(\\d+)");
    private static final double MB = 1024 * 1024;

    private MemoryCount() {
    }

    static Row run() {
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.findings(List.of(REGION))).withoutQuota()
                .syntheticFindings(FINDINGS).start()) {
            Path dir = Files.createTempDirectory("bench-memory");
            Path spec = Files.writeString(dir.resolve("spec.json"),
                SpecJson.writeRevealingSecrets(Seeds.spec(sandbox, List.of(REGION))));
            Path stdout = dir.resolve("count.txt");
            SandboxSeed.AccessKey key = sandbox.seed().baseCredentials();
            Map<String, String> environment = new HashMap<>();
            environment.put("CLOUD_CONNECTOR_AWS_ENDPOINT", sandbox.awsUri().toString());
            environment.put("CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND", String.valueOf(Clients.UNPACED));
            environment.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
            environment.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
            environment.put("AWS_REGION", REGION);
            environment.put("AWS_EC2_METADATA_DISABLED", "true");
            Progress.say("memory: counting %,d findings in a child JVM with %s", FINDINGS, HEAP);
            ChildProcess.Result result = ChildProcess.run(ChildProcess.java(List.of(HEAP),
                CountFindings.class.getName(), List.of(spec.toString())), environment, stdout);
            String printed = Files.readString(stdout);
            Files.delete(spec);
            Files.delete(stdout);
            Files.delete(dir);
            Matcher figures = RESULT.matcher(printed);
            String name = "3. Memory: count 1,000,000 findings with " + HEAP;
            if (result.exitCode() != 0 || !figures.find()) {
                return Row.judged(name, "failed (exit " + result.exitCode() + "): " + firstLine(result.stderr()),
                    "succeeds; peak heap reported", false);
            }
            long count = Long.parseLong(figures.group(1));
            Progress.say("memory: %s", printed.trim());
            return Row.judged(name, String.format(Locale.ROOT, "%,d counted in %.0f s; peak heap in use %.0f MB, "
                + "most live after a GC %.0f MB (%s GCs)", count, Double.parseDouble(figures.group(2)),
                Long.parseLong(figures.group(3)) / MB, Long.parseLong(figures.group(4)) / MB, figures.group(5)),
                "succeeds; peak heap reported", count == FINDINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElse("no output");
    }
}
