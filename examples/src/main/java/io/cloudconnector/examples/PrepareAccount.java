package io.cloudconnector.examples;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.ServicePrincipalCredentials;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares an AWS account for the connector, and on request the service principal of Azure Arc onboarding in the
 * spec's Azure subscription: prints the provisioning plan, asks for confirmation (or takes {@code --yes}), applies the
 * plan and prints the outcome.
 *
 * <p>Usage: {@code PrepareAccount [--spec spec.json] [--yes] [--cis VERSION] [--bucket NAME] [--create-bucket]
 * [--role NAME] [--user] [--access-key] [--service-principal [--arc-resource-group NAME] [--arc-region REGION]
 * [--service-principal-name NAME] [--secret-days DAYS]] [--write-spec out.json]}. Without {@code --spec} it prepares
 * the local sandbox's seeded account and says so in its first line; with one, the spec's real account and
 * subscription, through the AWS default credential chain and the Azure identity of {@link ExampleEnvironment}, which
 * must be allowed to administer them (not the connector's role or user, nor the Arc service principal: they may not
 * exist yet). {@code --cis} picks the CIS AWS Foundations Benchmark version (1.4.0 by default), {@code --bucket} the
 * bucket AWS Config delivers to and {@code --create-bucket} creates it, {@code --role} names the connector role,
 * {@code --user} prepares the IAM user of the access-key variant and {@code --access-key} also creates its key.
 *
 * <p>{@code --service-principal} prepares the service principal of Arc onboarding at scale: the Arc resource
 * providers, the resource group ({@code --arc-resource-group}, created in {@code --arc-region} when missing; both
 * default to the spec's Arc settings and are needed when it has none), a Microsoft Entra application and service
 * principal named {@code --service-principal-name} ({@code AscArcOnboarding-<account ID>} by default), a client secret
 * valid for {@code --secret-days} days (365 by default, at most 730), and the role Azure Connected Machine Onboarding
 * on the resource group. The client ID and the secret's expiry are printed; the secret itself never is.
 *
 * <p>{@code --write-spec} writes the spec with the prepared role, or the created access key, as its authentication,
 * and with Arc settings for the created service principal and its client secret; that file may hold secrets and is
 * made readable by its owner only (where the file system has POSIX permissions). AWS and Microsoft Entra ID show a new
 * secret only once, so a plan that creates one (an access key or a client secret) is not applied without
 * {@code --write-spec}, and the spec is written even when the apply stops at a later failure. A run that creates no
 * secret keeps an existing file as it is when overwriting it would lose a secret the file holds (an earlier run's
 * client secret, say), and says so.
 *
 * <p>Exit codes, as in {@link OnboardAwsAccount}: 0 when the plan was applied or there was nothing to do (conflicts,
 * printed with how to resolve them, may remain), {@value OnboardAwsAccount#FAILED} on a wrong argument (before any
 * cloud call, such as {@code --service-principal} with neither the flags nor the spec naming the Arc resource group
 * and region), a plan that creates a secret without {@code --write-spec} or a {@code --write-spec} file that cannot be
 * written (before any write), a failed cloud call, or an apply that stopped at a failure; {@value #DECLINED} when the
 * plan was not confirmed (nothing changed).
 */
public final class PrepareAccount {

    /** Exit code when the plan was not confirmed, so nothing was changed. */
    static final int DECLINED = 2;

    static final Set<String> OPTIONS = Set.of("spec", "cis", "bucket", "role", "write-spec", "arc-resource-group",
        "arc-region", "service-principal-name", "secret-days");
    static final Set<String> SWITCHES = Set.of("yes", "create-bucket", "user", "access-key", "service-principal");

    /** The options that only mean something with {@code --service-principal}. */
    private static final List<String> SERVICE_PRINCIPAL_OPTIONS = List.of("arc-resource-group", "arc-region",
        "service-principal-name", "secret-days");

    private static final String USAGE = "Usage: PrepareAccount [--spec spec.json] [--yes] [--cis VERSION] "
        + "[--bucket NAME] [--create-bucket] [--role NAME] [--user] [--access-key] [--service-principal "
        + "[--arc-resource-group NAME] [--arc-region REGION] [--service-principal-name NAME] [--secret-days DAYS]] "
        + "[--write-spec out.json]";

    private PrepareAccount() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the example with {@code args}: the confirmation is read from {@code in}, the report goes to {@code out},
     * errors to {@code err}.
     */
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
            return prepare(environment, options, arguments, in, out, err);
        } catch (ConnectorException | UncheckedIOException e) {
            err.println("Failed: " + ExampleEnvironment.describe(e));
            return OnboardAwsAccount.FAILED;
        }
    }

    /**
     * The provisioning options the arguments ask for.
     *
     * @throws IllegalArgumentException naming the argument or the option that breaks a rule
     */
    static ProvisioningOptions options(ExampleArguments arguments) {
        ProvisioningOptions.Builder options = ProvisioningOptions.builder()
            .createConfigBucket(arguments.flag("create-bucket"))
            .createUser(arguments.flag("user") || arguments.flag("access-key"))
            .createAccessKey(arguments.flag("access-key"));
        arguments.option("cis").ifPresent(options::cisVersion);
        arguments.option("bucket").ifPresent(options::configBucket);
        arguments.option("role").ifPresent(options::roleName);
        servicePrincipal(arguments, options);
        return options.build();
    }

    /**
     * Plans, asks, applies and reports for the environment's spec; returns the exit code.
     *
     * @throws ConnectorException when the account or the subscription cannot be read
     * @throws UncheckedIOException when the confirmation cannot be read or the spec cannot be written
     */
    static int prepare(ExampleEnvironment environment, ProvisioningOptions options, ExampleArguments arguments,
        InputStream in, PrintStream out, PrintStream err) {
        ProvisioningPlan plan;
        try {
            plan = environment.client().plan(environment.spec(), options);
        } catch (IllegalArgumentException e) {
            // Neither the options nor the spec name the Arc resource group or region; nothing was read.
            err.println(USAGE + ": " + e.getMessage() + "; give them with --arc-resource-group and --arc-region");
            return OnboardAwsAccount.FAILED;
        }
        out.println(plan.toText());
        Optional<Path> file = arguments.path("write-spec");
        Optional<String> refusal = refusal(plan, file, environment.spec());
        if (refusal.isPresent()) {
            err.println(refusal.get() + " Nothing was changed.");
            return OnboardAwsAccount.FAILED;
        }
        if (!plan.isEmpty() && !arguments.flag("yes") && !confirmed(in, out)) {
            out.println("Nothing was changed.");
            return DECLINED;
        }
        return apply(environment, plan, file, out);
    }

    /** The Azure side's options; they need {@code --service-principal}, so that a forgotten one is not ignored. */
    private static void servicePrincipal(ExampleArguments arguments, ProvisioningOptions.Builder options) {
        boolean servicePrincipal = arguments.flag("service-principal");
        for (String name : SERVICE_PRINCIPAL_OPTIONS) {
            if (!servicePrincipal && arguments.option(name).isPresent()) {
                throw new IllegalArgumentException("--" + name + " needs --service-principal");
            }
        }
        options.createServicePrincipal(servicePrincipal);
        arguments.option("arc-resource-group").ifPresent(options::arcResourceGroup);
        arguments.option("arc-region").ifPresent(options::arcRegion);
        arguments.option("service-principal-name").ifPresent(options::servicePrincipalName);
        arguments.option("secret-days").map(PrepareAccount::days).ifPresent(options::clientSecretLifetime);
    }

    private static Duration days(String value) {
        try {
            return Duration.ofDays(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--secret-days must be a whole number of days, was '" + value + "'",
                e);
        }
    }

    /**
     * Why the plan must not be applied as asked, if it must not: it creates a secret that no file would keep, the file
     * holds an earlier secret that writing would lose, or the file cannot be written.
     */
    private static Optional<String> refusal(ProvisioningPlan plan, Optional<Path> file, ConnectorSpec spec) {
        List<String> secrets = plan.actions().stream()
            .filter(action -> action.operation() == ProvisioningAction.Operation.CREATE_ACCESS_KEY
                || action.operation() == ProvisioningAction.Operation.CREATE_CLIENT_SECRET)
            .map(action -> (action.operation() == ProvisioningAction.Operation.CREATE_ACCESS_KEY ? "an access key for "
                : "a client secret for ") + action.resource())
            .toList();
        if (!secrets.isEmpty() && file.isEmpty()) {
            String it = secrets.size() == 1 ? "it" : "them";
            return Optional.of("The plan creates " + String.join(" and ", secrets) + ", shown only once and never "
                + "again: run again with --write-spec out.json to save " + it + " in the spec written there (readable "
                + "by its owner only).");
        }
        if (!secrets.isEmpty() && wouldLoseSecret(file.orElseThrow(), spec)) {
            return Optional.of(file.get() + " holds a secret that the spec of this run does not, which cannot be read "
                + "back from AWS or Microsoft Entra ID: writing the new spec there would lose it. Name another file "
                + "with --write-spec, or build on that one with --spec " + file.get() + ".");
        }
        return file.filter(target -> !writable(target)).map(target -> "Cannot write the spec to " + target + ": its "
            + "directory must exist and be writable, and the file, if it exists, a writable file.");
    }

    private static boolean writable(Path file) {
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file);
        }
        Path directory = file.toAbsolutePath().getParent();
        return directory != null && Files.isDirectory(directory) && Files.isWritable(directory);
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

    private static int apply(ExampleEnvironment environment, ProvisioningPlan plan, Optional<Path> file,
        PrintStream out) {
        // An empty plan is applied too: it writes nothing, and its result carries the role for --write-spec.
        ProvisioningResult result = environment.client().apply(plan);
        if (!plan.isEmpty()) {
            out.println(result.toText());
        }
        if (!result.succeeded()) {
            // A secret created before the failure cannot be read back: it is saved all the same.
            if (createdSecret(result)) {
                writeSpec(file.orElseThrow(), updatedSpec(environment.spec(), result), result, out);
            }
            out.println("Fix the cause above, then run again: the next plan shows what is left.");
            return OnboardAwsAccount.FAILED;
        }
        if (!plan.conflicts().isEmpty()) {
            out.println(plan.conflicts().size() + (plan.conflicts().size() == 1 ? " conflict remains" : " conflicts "
                + "remain") + ": resolve by hand as the plan says, then run again.");
        }
        if (plan.options().createServicePrincipal() && result.servicePrincipal().isEmpty()) {
            out.println("No client secret was created: application " + plan.servicePrincipalName().orElse("")
                + " already has one that is still valid, and its value cannot be read back. The spec keeps "
                + environment.spec().arc().map(arc -> "its Arc settings (service principal " + arc.servicePrincipalId()
                    + ")").orElse("no Arc settings") + ".");
        }
        file.ifPresent(target -> writeSpec(target, updatedSpec(environment.spec(), result), result, out));
        return 0;
    }

    private static boolean createdSecret(ProvisioningResult result) {
        return result.accessKey().isPresent() || result.servicePrincipal().isPresent();
    }

    /**
     * The spec with the created access key as its authentication, else with the prepared role, else as it was; and
     * with Arc settings for the service principal whose client secret was created, if one was.
     */
    private static ConnectorSpec updatedSpec(ConnectorSpec spec, ProvisioningResult result) {
        ConnectorSpec updated = spec;
        if (result.accessKey().isPresent()) {
            updated = ConnectorSpec.builder().from(spec).authentication(result.accessKey().get()).build();
        } else if (result.roleArn().isPresent()) {
            updated = result.withProvisionedRole(spec);
        }
        return result.servicePrincipal().isPresent() ? result.withProvisionedServicePrincipal(updated) : updated;
    }

    /**
     * Writes the spec to {@code file}, made readable by its owner only before the secret goes in; unless the run
     * created no secret and the file holds one the spec lacks, which would be lost.
     */
    private static void writeSpec(Path file, ConnectorSpec spec, ProvisioningResult result, PrintStream out) {
        if (!createdSecret(result) && wouldLoseSecret(file, spec)) {
            out.println("Kept " + file + " as it was: it holds a secret this run did not create, which cannot be read "
                + "back from AWS or Microsoft Entra ID. Name another file with --write-spec, or delete that one once "
                + "its secret is no longer needed.");
            return;
        }
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
            + result.servicePrincipal().map(PrepareAccount::describe).orElse("") + ". It may hold a secret: keep it "
            + "private.");
    }

    /** Whether {@code file} is a spec holding a secret that {@code spec} does not hold. */
    private static boolean wouldLoseSecret(Path file, ConnectorSpec spec) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return !secrets(spec).containsAll(secrets(SpecJson.read(file)));
        } catch (ConnectorException | UncheckedIOException e) {
            // Not a spec that reads: it holds no credential this program could have written.
            return false;
        }
    }

    private static Set<String> secrets(ConnectorSpec spec) {
        Set<String> secrets = new HashSet<>();
        if (spec.authentication() instanceof AwsAuthentication.AccessKeys keys) {
            secrets.add(keys.secretAccessKey().reveal());
        }
        spec.arc().ifPresent(arc -> secrets.add(arc.servicePrincipalSecret().reveal()));
        return secrets;
    }

    private static String describe(AwsAuthentication authentication) {
        if (authentication instanceof AwsAuthentication.AccessKeys keys) {
            return "access key " + keys.accessKeyId();
        }
        return "role " + ((AwsAuthentication.AssumeRole) authentication).roleArn();
    }

    private static String describe(ServicePrincipalCredentials servicePrincipal) {
        return ", onboarding to Azure Arc as service principal " + servicePrincipal.clientId() + ", whose client "
            + "secret expires at " + servicePrincipal.expiresAt();
    }
}
