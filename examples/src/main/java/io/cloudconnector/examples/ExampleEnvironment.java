package io.cloudconnector.examples;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.SpecJson;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an example runs: against the real clouds when it is given a spec file (credentials from the AWS and Azure
 * default chains), otherwise against a {@link CloudSandbox} started in-process. Closing it closes the client and
 * stops the sandbox.
 */
final class ExampleEnvironment implements AutoCloseable {

    private final ConnectorClient client;
    private final ConnectorSpec spec;
    private final CloudSandbox sandbox;

    private ExampleEnvironment(ConnectorClient client, ConnectorSpec spec, CloudSandbox sandbox) {
        this.client = client;
        this.spec = spec;
        this.sandbox = sandbox;
    }

    /**
     * The real clouds with the spec read from {@code specFile}, or the sandbox when there is none.
     *
     * @throws io.cloudconnector.InvalidSpecException when the spec file is not a valid spec
     */
    static ExampleEnvironment open(Optional<Path> specFile) {
        if (specFile.isPresent()) {
            ConnectorSpec spec = SpecJson.read(specFile.get());
            CloudEndpoints endpoints = CloudEndpoints.publicCloud();
            return new ExampleEnvironment(client(endpoints), spec, null);
        }
        CloudSandbox sandbox = CloudSandbox.start();
        return new ExampleEnvironment(client(sandbox.endpoints()), sandbox.spec(), sandbox);
    }

    private static ConnectorClient client(CloudEndpoints endpoints) {
        return ConnectorClient.of(AwsAdapter.create(endpoints), AzureAdapter.create(endpoints));
    }

    /** A failure in words for a person: its message, and the cause's when the message alone does not say why. */
    static String describe(RuntimeException failure) {
        Throwable cause = failure.getCause();
        if (failure instanceof UncheckedIOException && cause != null) {
            return failure.getMessage() + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return failure.getMessage();
    }

    /** A line that says where the example runs; the first line an example prints. */
    String describe() {
        if (sandbox == null) {
            return "Running against the real AWS and Azure clouds for account " + spec.awsAccountId()
                + " and subscription " + spec.subscriptionId() + ".";
        }
        return "No spec file given: running against the local sandbox (AWS at " + sandbox.awsUri() + ", Azure at "
            + sandbox.armUri() + ") with its seeded account " + spec.awsAccountId() + ".";
    }

    /** Whether the example runs against the sandbox. */
    boolean isSandbox() {
        return sandbox != null;
    }

    /** The sandbox the example runs against, when it does. */
    Optional<CloudSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    ConnectorClient client() {
        return client;
    }

    ConnectorSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
