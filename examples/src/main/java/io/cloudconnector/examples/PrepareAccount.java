package io.cloudconnector.examples;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.SpecJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Prepares an AWS account for the connector: prints the provisioning plan, asks for confirmation (or takes
 * {@code --yes}), applies the plan and prints the outcome.
 *
 * <p>Usage: {@code PrepareAccount [--spec spec.json] [--yes] [--cis VERSION] [--bucket NAME] [--create-bucket]
 * [--role NAME] [--user] [--access-key] [--write-spec out.json]}. Without {@code --spec} it prepares the local
 * sandbox's seeded account and says so in its first line; with one, the spec's real account, through the AWS default
 * credential chain, which must be allowed to administer the account (not the connector's role or user: they may not
 * exist yet). {@code --cis} picks the CIS AWS Foundations Benchmark version (1.4.0 by default), {@code --bucket} the
 * bucket AWS Config delivers to and {@code --create-bucket} creates it, {@code --role} names the connector role,
 * {@code --user} prepares the IAM user of the access-key variant and {@code --access-key} also creates its key.
 * {@code --write-spec} writes the spec with the prepared role, or the created access key, as its authentication; that
 * file may hold a secret and is made readable by its owner only.
 *
 * <p>Exit codes, as in {@link OnboardAwsAccount}: 0 when the plan was applied or there was nothing to do (conflicts,
 * printed with how to resolve them, may remain), {@value OnboardAwsAccount#FAILED} on a wrong argument, a failed cloud
 * call or an apply that stopped at a failure, {@value #DECLINED} when the plan was not confirmed (nothing changed).
 */
public final class PrepareAccount {

    /** Exit code when the plan was not confirmed, so nothing was changed. */
    static final int DECLINED = 2;

    static final Set<String> OPTIONS = Set.of("spec", "cis", "bucket", "role", "write-spec");
    static final Set<String> SWITCHES = Set.of("yes", "create-bucket", "user", "access-key");

    private static final String USAGE = "Usage: PrepareAccount [--spec spec.json] [--yes] [--cis VERSION] "
        + "[--bucket NAME] [--create-bucket] [--role NAME] [--user] [--access-key] [--write-spec out.json]";

    private PrepareAccount() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the example with {@code args}: the confirmation is read from {@code in}, the report goes to {@code out}. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        ExampleArguments arguments;
        ProvisioningOptions options;
        try {
            arguments = ExampleArguments.parse(args, OPTIONS, SWITCHES);
            options = options(arguments);
        } catch (IllegalArgumentException e) {
            err.println(USAGE + ": " + e.getMessage());
            return OnboardAwsAccount.FAILED;
        }
        try (ExampleEnvironment environment = ExampleEnvironment.open(arguments.path("spec"))) {
            out.println(environment.describe());
            return prepare(environment, options, arguments, in, out);
        } catch (ConnectorException | UncheckedIOException e) {
            err.println("Failed: " + e.getMessage());
            return OnboardAwsAccount.FAILED;
        }
    }

    /**
     * Plans, asks, applies and reports for the environment's spec; returns the exit code.
     *
     * @throws ConnectorException when the account cannot be read
     * @throws UncheckedIOException when the confirmation cannot be read or the spec cannot be written
     */
    static int prepare(ExampleEnvironment environment, ProvisioningOptions options, ExampleArguments arguments,
        InputStream in, PrintStream out) {
        ConnectorClient client = environment.client();
        ProvisioningPlan plan = client.plan(environment.spec(), options);
        out.println(plan.toText());
        if (!plan.isEmpty() && !arguments.flag("yes") && !confirmed(in, out)) {
            out.println("Nothing was changed.");
            return DECLINED;
        }

        // An empty plan is applied too: it writes nothing, and its result carries the role for --write-spec.
        ProvisioningResult result = client.apply(plan);
        if (!plan.isEmpty()) {
            out.println(result.toText());
        }
        if (!result.succeeded()) {
            out.println("Fix the cause above, then run again: the next plan shows what is left.");
            return OnboardAwsAccount.FAILED;
        }
        if (!plan.conflicts().isEmpty()) {
            out.println(plan.conflicts().size() + (plan.conflicts().size() == 1 ? " conflict remains" : " conflicts "
                + "remain") + ": resolve by hand as the plan says, then run again.");
        }
        arguments.path("write-spec").ifPresent(file -> writeSpec(file, updatedSpec(environment.spec(), result), out));
        return 0;
    }

    private static ProvisioningOptions options(ExampleArguments arguments) {
        ProvisioningOptions.Builder options = ProvisioningOptions.builder()
            .createConfigBucket(arguments.flag("create-bucket"))
            .createUser(arguments.flag("user") || arguments.flag("access-key"))
            .createAccessKey(arguments.flag("access-key"));
        arguments.option("cis").ifPresent(options::cisVersion);
        arguments.option("bucket").ifPresent(options::configBucket);
        arguments.option("role").ifPresent(options::roleName);
        return options.build();
    }

    private static boolean confirmed(InputStream in, PrintStream out) {
        out.print("Apply these changes? Only 'yes' is accepted: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && "yes".equals(answer.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the confirmation", e);
        }
    }

    /** The spec with the created access key as its authentication, else with the prepared role, else as it was. */
    private static ConnectorSpec updatedSpec(ConnectorSpec spec, ProvisioningResult result) {
        if (result.accessKey().isPresent()) {
            AwsAuthentication.AccessKeys key = result.accessKey().get();
            return ConnectorSpec.builder().from(spec).authentication(key).build();
        }
        return result.roleArn().isPresent() ? result.withProvisionedRole(spec) : spec;
    }

    /** Writes the spec to {@code file}, made readable by its owner only before the secret goes in. */
    private static void writeSpec(Path file, ConnectorSpec spec, PrintStream out) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, ownerOnly);
                } else {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
                }
            }
            Files.writeString(file, SpecJson.writeRevealingSecrets(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        out.println("Wrote the spec to " + file + ", authenticating with " + describe(spec.authentication())
            + " (it may hold a secret: keep it private).");
    }

    private static String describe(AwsAuthentication authentication) {
        if (authentication instanceof AwsAuthentication.AccessKeys keys) {
            return "access key " + keys.accessKeyId();
        }
        return "role " + ((AwsAuthentication.AssumeRole) authentication).roleArn();
    }
}
