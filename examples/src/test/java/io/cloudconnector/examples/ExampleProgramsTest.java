package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SeedFinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs as a person runs them: arguments in, exit code and printed lines out. */
class ExampleProgramsTest {

    private static final Set<String> HIGH_OR_ABOVE = Set.of("HIGH", "CRITICAL");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onboard_noArguments_saysItUsesTheSandboxAndStopsBecauseTheSeedIsNotReady() {
        int code = OnboardAwsAccount.run(new String[0], print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.NOT_READY);
        assertThat(text(out).lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
            .contains("running against the local sandbox"));
        assertThat(text(out)).contains("NOT_READY").contains("--continue").doesNotContain("== Connector");
    }

    @Test
    void onboard_unknownArgument_exitsOneNamingIt() {
        int code = OnboardAwsAccount.run(new String[] {"--contineu"}, print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("unknown argument '--contineu'").contains("--continue");
    }

    @Test
    void onboard_specFileThatIsNotASpec_exitsOneNamingTheField(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"displayName\": \"prod\", \"tenant\": \"x\"}");

        int code = OnboardAwsAccount.run(new String[] {"--spec", spec.toString()}, print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("tenant").contains("not a known field");
    }

    @Test
    void export_csvOfHighFindings_oneLinePerActiveHighOrCriticalFindingOfTheSeed(@TempDir Path dir)
        throws IOException {
        Path file = dir.resolve("findings.csv");

        ExportFindings.run(new String[] {"--format", "csv", "--min-severity", "HIGH", "--output", file.toString()},
            print(out), print(err));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("id,awsAccountId,region,product,severity");
        assertThat(lines).hasSize(1 + expectedFindings(finding -> HIGH_OR_ABOVE.contains(
            finding.severityLabel().orElseThrow())));
        assertThat(text(err)).contains("Exported " + (lines.size() - 1) + " findings as csv");
    }

    @Test
    void export_jsonLinesOfFailedControls_eachLineAFindingWithItsCompliance() throws IOException {
        ExportFindings.run(new String[] {"--compliance", "FAILED"}, print(out), print(err));

        List<String> lines = text(out).lines().toList();
        assertThat(lines).hasSize(expectedFindings(finding -> finding.complianceStatus().filter("FAILED"::equals)
            .isPresent()));
        for (String line : lines) {
            JsonNode finding = new ObjectMapper().readTree(line);
            assertThat(finding.path("compliance").path("status").asText()).isEqualTo("FAILED");
            assertThat(finding.path("recordState").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void export_outputADirectoryOrInAMissingOne_exitsOneBeforeConnecting(@TempDir Path dir) {
        int intoDirectory = ExportFindings.run(new String[] {"--output", dir.toString()}, print(out), print(err));
        int intoMissing = ExportFindings.run(new String[] {"--output", dir.resolve("no/such/findings.jsonl")
            .toString()}, print(out), print(err));

        assertThat(intoDirectory).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(intoMissing).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("--output must name a file, and " + dir + " is a directory")
            .contains("--output must be in a directory that exists, and " + dir.resolve("no/such") + " does not")
            .doesNotContain("Running against");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void export_sandboxSeed_summaryCountsInTheRightNumber(@TempDir Path dir) {
        int code = ExportFindings.run(new String[] {"--output", dir.resolve("f.jsonl").toString()}, print(out),
            print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("0 malformed ones skipped, 1 region failed")
            .contains("! ap-southeast-2: securityhub:GetFindings in ap-southeast-2 failed");
    }

    @Test
    void export_optionGivenTwice_exitsOneInsteadOfKeepingTheLast() {
        int code = ExportFindings.run(new String[] {"--workflow", "NEW", "--workflow", "RESOLVED"}, print(out),
            print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("--workflow is given twice").doesNotContain("Running against");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void export_badQueryValue_exitsOneListingTheAllowedValues() {
        int code = ExportFindings.run(new String[] {"--min-severity", "SEVERE"}, print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("'SEVERE' is not one of").contains("CRITICAL");
    }

    @Test
    void continuousSync_oneRun_discoversOnboardsAndExports(@TempDir Path checkpoints) throws IOException {
        int code = ContinuousSync.run(new String[] {"--runs", "1", "--checkpoints", checkpoints.toString()},
            print(out));

        assertThat(code).isZero();
        assertThat(text(out)).contains("Run 1: succeeded").containsPattern("Export 1: \\d+ findings");
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertThat(files.count()).isPositive();
        }
    }

    private static int expectedFindings(Predicate<SeedFinding> filter) {
        SandboxSeed seed = SandboxSeed.defaultSeed();
        return (int) seed.specRegions().stream()
            .filter(region -> seed.region(region).orElseThrow().enabled())
            .filter(region -> seed.region(region).orElseThrow().securityHub().isPresent())
            .flatMap(region -> seed.findingsIn(region).stream())
            .filter(finding -> "ACTIVE".equals(finding.recordState()))
            .filter(filter)
            .count();
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
