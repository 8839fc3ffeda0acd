package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.SpecJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PrepareAccount as a person runs it against the sandbox: the plan printed, confirmed or not, applied. */
class PrepareAccountTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void prepare_yes_printsThePlanAppliesItAndTheSecondRunHasNothingToDo() {
        ExampleArguments yes = ExampleArguments.parse(new String[] {"--yes"}, PrepareAccount.OPTIONS,
            PrepareAccount.SWITCHES);
        try (ExampleEnvironment environment = ExampleEnvironment.open(Optional.empty())) {
            int first = PrepareAccount.prepare(environment, ProvisioningOptions.defaults(), yes, noInput(), print(out),
                print(err));
            String firstRun = text(out);
            out.reset();
            int second = PrepareAccount.prepare(environment, ProvisioningOptions.defaults(), yes, noInput(),
                print(out), print(err));

            assertThat(first).isZero();
            assertThat(firstRun).contains("+ create securityhub/hub (ap-southeast-2)")
                .contains("~ change iam/role/AscConnector (account)").contains("! conflict region/af-south-1")
                .contains("succeeded: 5 done").contains("1 conflict remains").doesNotContain("Apply these changes?");
            assertThat(second).isZero();
            assertThat(text(out)).contains("0 to create, 0 to change, 1 conflict")
                .contains("No changes").doesNotContain("succeeded");
        }
    }

    @Test
    void run_noSpecAndNotConfirmed_saysItUsesTheSandboxAndChangesNothing() {
        int code = PrepareAccount.run(new String[0], input("no\n"), print(out), print(err));

        assertThat(code).isEqualTo(PrepareAccount.DECLINED);
        assertThat(text(out).lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
            .contains("running against the local sandbox"));
        assertThat(text(out)).contains("Provisioning plan for AWS account").contains("Apply these changes?")
            .contains("Nothing was changed.").doesNotContain("Provisioning of AWS account");
    }

    @Test
    void run_confirmedWithYes_appliesThePlan() {
        int code = PrepareAccount.run(new String[0], input("yes\n"), print(out), print(err));

        assertThat(code).isZero();
        assertThat(text(out)).contains("Apply these changes?").contains("Provisioning of AWS account 123456789012 "
            + "succeeded");
    }

    @Test
    void run_accessKeyWithWriteSpec_writesAnOwnerOnlySpecWithTheKeyAndPrintsNoSecret(@TempDir Path dir)
        throws IOException {
        Path file = dir.resolve("prepared.json");

        int code = PrepareAccount.run(new String[] {"--yes", "--access-key", "--write-spec", file.toString()},
            noInput(), print(out), print(err));

        assertThat(code).isZero();
        ConnectorSpec written = SpecJson.read(file);
        assertThat(written.authentication()).isInstanceOfSatisfying(AwsAuthentication.AccessKeys.class, key -> {
            assertThat(text(out)).contains("+ create iam/user/AscConnectorUser")
                .contains("Wrote the spec to " + file + ", authenticating with access key " + key.accessKeyId())
                .doesNotContain(key.secretAccessKey().reveal());
            assertThat(key.secretAccessKey().reveal()).isNotBlank();
        });
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void run_unknownArgument_exitsOneNamingIt() {
        int code = PrepareAccount.run(new String[] {"--aws-endpoint", "http://localhost"}, noInput(), print(out),
            print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("unknown argument '--aws-endpoint'").contains("--create-bucket");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void run_badCisVersion_exitsOneBeforeReadingTheAccount() {
        int code = PrepareAccount.run(new String[] {"--cis", "latest"}, noInput(), print(out), print(err));

        assertThat(code).isEqualTo(OnboardAwsAccount.FAILED);
        assertThat(text(err)).contains("cisVersion").contains("latest");
        assertThat(text(out)).isEmpty();
    }

    private static InputStream noInput() {
        return input("");
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
