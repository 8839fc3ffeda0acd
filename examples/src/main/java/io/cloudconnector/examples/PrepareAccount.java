package io.cloudconnector.examples;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.SpecJson;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * Prepares an AWS account for the connector: reads a spec, prints the provisioning plan, asks for confirmation (or
 * takes {@code --yes}), applies the plan and prints the outcome.
 *
 * <pre>
 * PrepareAccount SPEC.json [--yes] [--aws-endpoint URL] [--cis VERSION] [--bucket NAME] [--create-bucket]
 *                [--role NAME] [--user] [--access-key] [--write-spec OUT.json]
 * </pre>
 *
 * <p>AWS is called with the default credential chain, which must be an administrator of the spec's account (not the
 * connector's role or user, which may not exist yet), or at {@code --aws-endpoint}, such as the local sandbox. With
 * {@code --write-spec}, the spec is written back with the provisioned role, or with the created access key, as its
 * authentication; that file then holds a secret and is made readable by its owner only. Exit status: 0 when applied
 * (or nothing to do), 1 when declined or apply stopped at a failure, 2 on bad arguments or a cloud error.
 */
public final class PrepareAccount {

    private PrepareAccount() {
    }

    /** Runs the program; see the type's description for the arguments. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out));
    }

    static int run(String[] args, InputStream in, PrintStream out) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException | ConnectorException | UncheckedIOException e) {
            out.println(e.getMessage());
            out.println("usage: PrepareAccount SPEC.json [--yes] [--aws-endpoint URL] [--cis VERSION] [--bucket NAME]"
                + " [--create-bucket] [--role NAME] [--user] [--access-key] [--write-spec OUT.json]");
            return 2;
        }
        CloudEndpoints endpoints = CloudEndpoints.builder().aws(arguments.awsEndpoint).build();
        try (ConnectorClient client = ConnectorClient.of(AwsAdapter.create(endpoints),
            AzureAdapter.create(endpoints))) {
            return prepare(client, arguments, in, out);
        } catch (ConnectorException e) {
            out.println("Failed: " + e.getMessage());
            return 2;
        }
    }

    private static int prepare(ConnectorClient client, Arguments arguments, InputStream in, PrintStream out) {
        ProvisioningPlan plan = client.plan(arguments.spec, arguments.options);
        out.println(plan.toText());
        if (plan.isEmpty()) {
            return 0;
        }
        if (!arguments.yes && !confirmed(in, out)) {
            out.println("Nothing was changed.");
            return 1;
        }
        ProvisioningResult result = client.apply(plan);
        out.println(result.toText());
        if (!result.succeeded()) {
            out.println("Fix the cause above, then run again: the next plan shows what is left.");
            return 1;
        }
        arguments.writeSpec.ifPresent(file -> writeSpec(file, updatedSpec(arguments.spec, result), out));
        return 0;
    }

    private static boolean confirmed(InputStream in, PrintStream out) {
        out.print("Apply these changes? Only 'yes' is accepted: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return "yes".equals(answer == null ? null : answer.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec with the created access key as its authentication, else with the provisioned role. */
    private static ConnectorSpec updatedSpec(ConnectorSpec spec, ProvisioningResult result) {
        if (result.accessKey().isPresent()) {
            AwsAuthentication.AccessKeys key = result.accessKey().get();
            return ConnectorSpec.builder().from(spec).authentication(key).build();
        }
        return result.roleArn().isPresent() ? result.withProvisionedRole(spec) : spec;
    }

    private static void writeSpec(Path file, ConnectorSpec spec, PrintStream out) {
        try {
            Files.writeString(file, SpecJson.writeRevealingSecrets(spec), StandardCharsets.UTF_8);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        out.println("Wrote the updated spec to " + file + " (it may hold a secret: keep it private)");
    }

    /** The parsed command line. */
    private record Arguments(ConnectorSpec spec, ProvisioningOptions options, boolean yes,
        Optional<URI> awsEndpoint, Optional<Path> writeSpec) {

        static Arguments parse(String[] args) {
            Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
            if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
                throw new IllegalArgumentException("The spec file comes first");
            }
            ConnectorSpec spec = SpecJson.read(Path.of(rest.removeFirst()));
            ProvisioningOptions.Builder options = ProvisioningOptions.builder();
            boolean yes = false;
            Optional<URI> endpoint = Optional.empty();
            Optional<Path> writeSpec = Optional.empty();
            while (!rest.isEmpty()) {
                String flag = rest.removeFirst();
                switch (flag) {
                    case "--yes" -> yes = true;
                    case "--aws-endpoint" -> endpoint = Optional.of(URI.create(value(flag, rest)));
                    case "--cis" -> options.cisVersion(value(flag, rest));
                    case "--bucket" -> options.configBucket(value(flag, rest));
                    case "--create-bucket" -> options.createConfigBucket(true);
                    case "--role" -> options.roleName(value(flag, rest));
                    case "--user" -> options.createUser(true);
                    case "--access-key" -> options.createUser(true).createAccessKey(true);
                    case "--write-spec" -> writeSpec = Optional.of(Path.of(value(flag, rest)));
                    default -> throw new IllegalArgumentException("Unknown argument " + flag);
                }
            }
            return new Arguments(spec, options.build(), yes, endpoint, writeSpec);
        }

        private static String value(String flag, Deque<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.removeFirst();
        }
    }
}
