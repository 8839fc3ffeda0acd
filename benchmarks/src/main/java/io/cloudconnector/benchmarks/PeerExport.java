package io.cloudconnector.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.SpecJson;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.SandboxSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Target 2: exporting the same findings as a whole process each way: {@code ExportFindings --format jsonl} (a new
 * JVM pointed at the sandbox through the examples' environment variables) against {@code aws securityhub
 * get-findings} (the AWS CLI, paging every finding into one JSON file). The sandbox runs in this JVM, quota off.
 * ExportFindings runs with the JVM flags of a short command-line run and a class-data sharing archive of the
 * classes it loads (recorded by the warm-up run, as a command-line tool would ship it), and, for comparison, with
 * the same flags and no archive, and with the JVM's defaults.
 */
final class PeerExport {

    static final int FINDINGS = 100_000;
    private static final String REGION = "us-east-1";
    private static final double TARGET = 5;
    private static final int SANDBOX_WARM_UP_PASSES = 3;
    private static final String NAME = "2. Peer: export 100,000 findings, whole process";
    /**
     * The JVM flags of a short-lived command-line run: the C1 compiler alone (a run of seconds spends much of its
     * CPU in the C2 compiler otherwise) and the serial collector.
     */
    private static final List<String> SHORT_RUN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private PeerExport() {
    }

    static Row run(int repetitions) {
        Path cli = Path.of(System.getProperty("benchmarks.aws.cli", "/usr/bin/aws"));
        if (!Files.isExecutable(cli)) {
            return new Row(NAME, "not measured: the AWS CLI (" + cli + ") is not installed", "SDK >= " + TARGET
                + "x faster than the AWS CLI", "n/a");
        }
        try (CloudSandbox sandbox = CloudSandbox.builder().seed(Seeds.findings(List.of(REGION))).withoutQuota()
                .syntheticFindings(FINDINGS).start()) {
            Path dir = Files.createTempDirectory("bench-export");
            Path spec = Files.writeString(dir.resolve("spec.json"),
                SpecJson.writeRevealingSecrets(Seeds.spec(sandbox, List.of(REGION))));
            Path archive = dir.resolve("export-classes.jsa");
            warmUpSandbox(sandbox);
            Progress.say("peer export: one ExportFindings run to record the classes it loads in a class-data sharing "
                + "archive");
            exportWithSdk(sandbox, spec, dir, with(SHORT_RUN_JVM, "-XX:ArchiveClassesAtExit=" + archive));
            boolean archived = Files.isRegularFile(archive);
            List<String> tunedJvm = archived ? with(SHORT_RUN_JVM, "-XX:SharedArchiveFile=" + archive) : SHORT_RUN_JVM;
            List<Double> tuned = new ArrayList<>();
            List<Double> unarchived = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                tuned.add(exportWithSdk(sandbox, spec, dir, tunedJvm));
                peer.add(exportWithCli(sandbox, cli, dir));
                unarchived.add(exportWithSdk(sandbox, spec, dir, SHORT_RUN_JVM));
                plain.add(exportWithSdk(sandbox, spec, dir, List.of()));
                Progress.say("peer export %d/%d: ExportFindings %.1f s (%.1f s without the archive, %.1f s with "
                    + "default JVM flags), AWS CLI %.1f s", i + 1, repetitions, tuned.get(i), unarchived.get(i),
                    plain.get(i), peer.get(i));
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(PeerExport::deleteQuietly);
            }
            Files.delete(dir);
            double cliSeconds = Timing.median(peer);
            double ratio = cliSeconds / Timing.median(tuned);
            return Row.judged(NAME, String.format(Locale.ROOT, "%.1fx (ExportFindings %.1f s with %s%s vs %s %.1f s; "
                + "without the archive %.1f s = %.1fx; with default JVM flags %.1f s = %.1fx)", ratio,
                Timing.median(tuned), String.join(" ", SHORT_RUN_JVM), archived
                    ? " and a class-data sharing archive of the classes it loads" : " (no archive could be made)",
                cliVersion(cli), cliSeconds, Timing.median(unarchived), cliSeconds / Timing.median(unarchived),
                Timing.median(plain), cliSeconds / Timing.median(plain)), "SDK >= " + TARGET
                + "x faster than the AWS CLI", ratio >= TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves every finding {@value #SANDBOX_WARM_UP_PASSES} times to an in-process client, so that the sandbox, which
     * shares the machine with both exports, runs compiled code in every measured run: cold, it takes a larger share of
     * the two cores, which weighs on the SDK's export (a reader, a processor and a writer thread) more than on the
     * single-threaded CLI.
     */
    private static void warmUpSandbox(CloudSandbox sandbox) {
        Progress.say("peer export: warming up the sandbox (%d in-process reads of every finding)",
            SANDBOX_WARM_UP_PASSES);
        ConnectorSpec spec = Seeds.spec(sandbox, List.of(REGION));
        try (ConnectorClient client = Clients.sdk(sandbox, Clients.UNPACED)) {
            for (int i = 0; i < SANDBOX_WARM_UP_PASSES; i++) {
                try (Stream<Finding> findings = client.findings(spec, FindingQuery.activeFindings())) {
                    long count = findings.count();
                    if (count != FINDINGS) {
                        throw new IllegalStateException("the sandbox served " + count + " findings, expected "
                            + FINDINGS);
                    }
                }
            }
        }
    }

    private static List<String> with(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return all;
    }

    private static double exportWithSdk(CloudSandbox sandbox, Path spec, Path dir, List<String> jvmOptions) {
        Path output = dir.resolve("findings.jsonl");
        Map<String, String> environment = credentials(sandbox);
        environment.put("CLOUD_CONNECTOR_AWS_ENDPOINT", sandbox.awsUri().toString());
        environment.put("CLOUD_CONNECTOR_ARM_ENDPOINT", sandbox.armUri().toString());
        environment.put("CLOUD_CONNECTOR_AUTHORITY", sandbox.authorityUri().toString());
        environment.put("CLOUD_CONNECTOR_TRUST_STORE", sandbox.trustStore().toString());
        environment.put("CLOUD_CONNECTOR_TRUST_STORE_PASSWORD", sandbox.trustStorePassword().reveal());
        environment.put("CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND", String.valueOf(Clients.UNPACED));
        SandboxSeed.Azure azure = sandbox.seed().azure();
        environment.put("AZURE_CLIENT_ID", azure.clientId());
        environment.put("AZURE_TENANT_ID", azure.tenantId());
        environment.put("AZURE_CLIENT_SECRET", azure.clientSecret());
        ChildProcess.Result result = ChildProcess.run(ChildProcess.javaFromJars(jvmOptions,
            "io.cloudconnector.examples.ExportFindings", List.of("--spec", spec.toString(), "--format", "jsonl",
                "--output", output.toString())), environment, dir.resolve("export-stdout.txt"));
        check("ExportFindings", result, lines(output));
        return result.seconds();
    }

    private static double exportWithCli(CloudSandbox sandbox, Path cli, Path dir) {
        Path output = dir.resolve("findings.json");
        Map<String, String> environment = credentials(sandbox);
        environment.put("AWS_DEFAULT_REGION", REGION);
        environment.put("AWS_PAGER", "");
        environment.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        String filters = "{\"RecordState\":[{\"Value\":\"ACTIVE\",\"Comparison\":\"EQUALS\"}],"
            + "\"Region\":[{\"Value\":\"" + REGION + "\",\"Comparison\":\"EQUALS\"}]}";
        ChildProcess.Result result = ChildProcess.run(List.of(cli.toString(), "securityhub", "get-findings",
            "--endpoint-url", sandbox.awsUri().toString(), "--region", REGION, "--filters", filters,
            "--sort-criteria", "Field=UpdatedAt,SortOrder=asc", "--page-size", "100", "--output", "json"),
            environment, output);
        check("aws securityhub get-findings", result, findingsIn(output));
        return result.seconds();
    }

    private static Map<String, String> credentials(CloudSandbox sandbox) {
        SandboxSeed.AccessKey key = sandbox.seed().baseCredentials();
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    private static void check(String what, ChildProcess.Result result, long findings) {
        if (result.exitCode() != 0 || findings != FINDINGS) {
            throw new IllegalStateException(what + " exited " + result.exitCode() + " with " + findings
                + " findings written, expected " + FINDINGS + ": " + result.stderr());
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of elements of the top-level {@code Findings} array, read as a stream (the file is large). */
    private static long findingsIn(Path file) {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            long count = 0;
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()
                    && "Findings".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cliVersion(Path cli) {
        try {
            Process process = new ProcessBuilder(cli.toString(), "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return version.isEmpty() ? "aws" : version.split(" ")[0];
        } catch (IOException e) {
            return "aws";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "aws";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            Progress.say("could not delete %s", file);
        }
    }
}
