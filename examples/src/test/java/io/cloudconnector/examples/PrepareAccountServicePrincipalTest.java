package io.cloudconnector.examples;

import static io.cloudconnector.examples.ProvisioningSeeds.SERVICE_PRINCIPAL_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.SpecJson;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.InjectedFault;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.StandardError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PrepareAccount with {@code --service-principal} as a person runs it against the sandbox: the service principal of
 * Arc onboarding planned, applied and saved in the spec file, its client ID and expiry printed, its secret never.
 */
class PrepareAccountServicePrincipalTest {

    /** What the sandbox's writes are named: any of them in the statistics means something was changed. */
    private static final String WRITES = "(arm|graph):(PUT|POST|PATCH|DELETE) .*"
        + "|[a-z0-9]+:(Put|Create|Enable|BatchEnable|Attach|Start).*";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    private Path dir;

    @Test
    void run_servicePrincipalYesWriteSpec_printsClientIdAndExpiryAndSavesTheSecretOnlyInTheOwnerOnlyFile()
        throws IOException {
        Path file = dir.resolve("prepared.json");

        AtomicInteger code = new AtomicInteger();
        String logs = StandardError.during(() -> code.set(PrepareAccount.run(new String[] {"--service-principal",
            "--yes", "--write-spec", file.toString()}, noInput(), print(out), print(err))));

        assertThat(code).hasValue(0);
        ConnectorSpec written = SpecJson.read(file);
        ArcSettings arc = written.arc().orElseThrow();
        String secret = arc.servicePrincipalSecret().reveal();
        SandboxSeed.Azure seeded = SandboxSeed.defaultSeed().azure();
        assertThat(secret).isNotBlank().isNotEqualTo(seeded.arcServicePrincipalSecret());
        assertThat(arc.servicePrincipalId()).isNotEqualTo(seeded.arcServicePrincipalId());
        assertThat(arc.resourceGroup()).isEqualTo(seeded.resourceGroup());
        assertThat(written.authentication()).isInstanceOf(AwsAuthentication.AssumeRole.class);
        assertThat(text(out)).contains("+ create entra/application/" + SERVICE_PRINCIPAL_NAME)
            .contains("+ create entra/servicePrincipal/" + SERVICE_PRINCIPAL_NAME)
            .containsPattern("client ID " + arc.servicePrincipalId() + ", expiring at \\d{4}-\\d\\d-\\d\\dT")
            .containsPattern(Pattern.quote("Wrote the spec to " + file + ", authenticating with role ") + ".*"
                + Pattern.quote(", onboarding to Azure Arc as service principal " + arc.servicePrincipalId()
                + ", whose client secret expires at ") + "\\d{4}-");
        assertThat(Files.readString(file)).contains(secret);
        assertThat(text(out) + text(err) + logs).doesNotContain(secret);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void prepare_secondRunWithTheSameFile_hasNothingToDoAndKeepsTheFileWithItsSecret() throws IOException {
        Path file = dir.resolve("prepared.json");
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            int first = prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());
            String written = Files.readString(file);
            out.reset();

            int second = prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());

            assertThat(first).isZero();
            assertThat(second).isZero();
            assertThat(text(out)).contains("0 to create, 0 to change").contains("No changes")
                .contains("Kept " + file + " as it was").doesNotContain("succeeded").doesNotContain("Wrote");
            assertThat(Files.readString(file)).isEqualTo(written);
            assertThat(environment.sandbox().orElseThrow().applications()).singleElement()
                .satisfies(app -> assertThat(written).contains(app.secrets().get(0).value()));
        }
    }

    @Test
    void prepare_newSecretForAFileHoldingAnEarlierOne_refusesBeforeAnyWriteAndKeepsTheFile() throws IOException {
        Path file = dir.resolve("prepared.json");
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());
            String first = Files.readString(file);
            CloudSandbox sandbox = environment.sandbox().orElseThrow();
            sandbox.resetStats();
            out.reset();

            int code = prepare(environment, "--service-principal", "--service-principal-name", "Other onboarding",
                "--yes", "--write-spec", file.toString());

            assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
            assertThat(text(err)).contains(file + " holds a secret that the spec of this run does not")
                .contains("--spec " + file).contains("Nothing was changed.");
            assertThat(Files.readString(file)).isEqualTo(first);
            assertThat(sandbox.applications()).hasSize(1);
            assertThat(sandbox.stats().requests().keySet()).noneMatch(operation -> operation.matches(WRITES));
        }
    }

    @Test
    void prepare_applicationAlreadyHasASecret_saysNoneWasCreatedAndWhatTheSpecKeeps() {
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            prepare(environment, "--service-principal", "--yes", "--write-spec", dir.resolve("a.json").toString());
            out.reset();

            int code = prepare(environment, "--service-principal", "--yes");

            assertThat(code).isZero();
            assertThat(text(out)).contains("No client secret was created: application " + SERVICE_PRINCIPAL_NAME
                + " already has one").contains("The spec keeps its Arc settings (service principal "
                + SandboxSeed.defaultSeed().azure().arcServicePrincipalId() + ")");
        }
    }

    @Test
    void run_valuedOptionFollowedByAnother_rejectedInsteadOfTakingItAsTheValue() {
        int code = PrepareAccount.run(new String[] {"--write-spec", "--yes"}, noInput(), print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("--write-spec needs a value, not the option --yes");
        assertThat(dir.resolve("--yes")).doesNotExist();
    }

    @Test
    void prepare_servicePrincipalWithoutWriteSpec_refusesBeforeAnyWrite() {
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            CloudSandbox sandbox = environment.sandbox().orElseThrow();

            int code = prepare(environment, "--service-principal", "--yes");

            assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
            assertThat(text(out)).contains("+ create entra/application/" + SERVICE_PRINCIPAL_NAME)
                .doesNotContain("Provisioning of AWS account");
            assertThat(text(err)).contains("a client secret for entra/application/" + SERVICE_PRINCIPAL_NAME)
                .contains("--write-spec").contains("Nothing was changed.");
            assertThat(sandbox.applications()).isEmpty();
            assertThat(sandbox.stats().requests().keySet()).isNotEmpty().noneMatch(operation -> operation
                .matches(WRITES));
        }
    }

    @Test
    void prepare_writeSpecInADirectoryThatDoesNotExist_refusesBeforeAnyWrite() {
        Path file = dir.resolve("missing").resolve("prepared.json");
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            CloudSandbox sandbox = environment.sandbox().orElseThrow();

            int code = prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());

            assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
            assertThat(text(err)).contains("Cannot write the spec to " + file).contains("Nothing was changed.");
            assertThat(sandbox.applications()).isEmpty();
            assertThat(sandbox.stats().requests().keySet()).noneMatch(operation -> operation.matches(WRITES));
        }
    }

    @Test
    void run_accessKeyWithoutWriteSpec_refusesNamingTheUser() {
        int code = PrepareAccount.run(new String[] {"--yes", "--access-key"}, noInput(), print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("an access key for iam/user/AscConnectorUser").contains("--write-spec");
        assertThat(text(out)).doesNotContain("Provisioning of AWS account");
    }

    @Test
    void prepare_specWithoutArcSettingsAndNoArcFlags_failsNamingBothBeforeAnyCloudCall() {
        CloudSandbox sandbox = CloudSandbox.start();
        ConnectorSpec withoutArc = ConnectorSpec.builder().from(sandbox.spec()).arc(Optional.empty()).build();
        try (ExampleEnvironment environment = ExampleEnvironment.sandbox(sandbox, withoutArc)) {

            int code = prepare(environment, "--service-principal", "--yes", "--write-spec",
                dir.resolve("prepared.json").toString());

            assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
            assertThat(text(err)).contains("arcResourceGroup: must be set").contains("arcRegion: must be set")
                .contains("--arc-resource-group").contains("--arc-region");
            assertThat(text(out)).isEmpty();
            assertThat(sandbox.stats().total()).isZero();
            assertThat(dir.resolve("prepared.json")).doesNotExist();
        }
    }

    @Test
    void prepare_specWithoutArcSettingsAndArcFlags_preparesWhatTheFlagsName() {
        CloudSandbox sandbox = CloudSandbox.start();
        ConnectorSpec withoutArc = ConnectorSpec.builder().from(sandbox.spec()).arc(Optional.empty()).build();
        Path file = dir.resolve("prepared.json");
        try (ExampleEnvironment environment = ExampleEnvironment.sandbox(sandbox, withoutArc)) {
            Instant before = Instant.now();

            int code = prepare(environment, "--service-principal", "--arc-resource-group", "arc-test",
                "--arc-region", "West Europe", "--service-principal-name", "Arc onboarding (test)", "--secret-days",
                "30", "--yes", "--write-spec", file.toString());

            Instant after = Instant.now();
            assertThat(code).isZero();
            assertThat(sandbox.resourceGroups()).contains(new SandboxSeed.ResourceGroup("arc-test", "westeurope",
                Map.of()));
            SandboxSeed.Application app = sandbox.applications().get(0);
            assertThat(app.displayName()).isEqualTo("Arc onboarding (test)");
            assertThat(app.secrets().get(0).expiresAt()).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(1),
                after.plus(Duration.ofDays(30)).plusSeconds(1));
            ArcSettings arc = SpecJson.read(file).arc().orElseThrow();
            assertThat(arc.resourceGroup()).isEqualTo("arc-test");
            assertThat(arc.azureRegion()).isEqualTo("westeurope");
            assertThat(arc.servicePrincipalId()).isEqualTo(app.appId());
            assertThat(arc.servicePrincipalSecret().reveal()).isEqualTo(app.secrets().get(0).value());
            assertThat(sandbox.roleAssignments()).singleElement().satisfies(assignment -> assertThat(
                assignment.scope()).endsWith("/resourceGroups/arc-test"));
        }
    }

    @Test
    void prepare_roleAssignmentDenied_exitsOneButSavesTheSecretCreatedBeforeTheFailure() throws IOException {
        Path file = dir.resolve("prepared.json");
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            CloudSandbox sandbox = environment.sandbox().orElseThrow();
            InjectedFault denied = sandbox.inject(SandboxFault.on("arm:PUT roleAssignments").accessDenied());

            int code = prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());
            String failedRun = text(out);
            out.reset();
            int rerun = prepare(environment, "--service-principal", "--yes", "--write-spec", file.toString());

            assertThat(denied.fired()).isEqualTo(1);
            assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
            String secret = sandbox.applications().get(0).secrets().get(0).value();
            assertThat(failedRun).contains("stopped at a failure").contains("Wrote the spec to " + file)
                .contains("run again").doesNotContain(secret);
            assertThat(SpecJson.read(file).arc().orElseThrow().servicePrincipalSecret().reveal()).isEqualTo(secret);
            assertThat(rerun).isZero();
            assertThat(text(out)).contains("0 to create, 1 to change")
                .contains("~ change azure/roleAssignment/").contains("succeeded: 1 done");
            assertThat(sandbox.roleAssignments()).hasSize(1);
        }
    }

    @Test
    void run_serviceprincipalOptionWithoutTheSwitch_exitsOneNamingBoth() {
        int code = PrepareAccount.run(new String[] {"--arc-region", "westus2"}, noInput(), print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("--arc-region needs --service-principal");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void run_secretDaysNotANumber_exitsOneBeforeReadingTheAccount() {
        int code = PrepareAccount.run(new String[] {"--service-principal", "--secret-days", "a year"}, noInput(),
            print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("--secret-days must be a whole number of days, was 'a year'");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void run_secretDaysOutOfRange_exitsOneNamingTheOptionsRule() {
        int code = PrepareAccount.run(new String[] {"--service-principal", "--secret-days", "731"}, noInput(),
            print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("clientSecretLifetime: must be 1 to 730 days");
        assertThat(text(out)).isEmpty();
    }

    private int prepare(ExampleEnvironment environment, String... args) {
        ExampleArguments arguments = ExampleArguments.parse(args, PrepareAccount.OPTIONS, PrepareAccount.SWITCHES);
        return PrepareAccount.prepare(environment, PrepareAccount.options(arguments), arguments, noInput(),
            print(out), print(err));
    }

    private static InputStream noInput() {
        return new ByteArrayInputStream(new byte[0]);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
