package io.cloudconnector.examples;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import io.cloudconnector.SpecJson;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where an example runs: against the real clouds when it is given a spec file (credentials from the AWS and Azure
 * default chains), otherwise against a {@link CloudSandbox} started in-process. Closing it closes the client and
 * stops the sandbox.
 *
 * <p>With a spec file, environment variables may point the example at other endpoints (a proxy, a sovereign cloud,
 * an emulator, or a sandbox running in another process): {@value #AWS_ENDPOINT} (one AWS endpoint for every service
 * and region), {@value #ARM_ENDPOINT}, {@value #GRAPH_ENDPOINT} (Microsoft Graph, for provisioning the Arc service
 * principal), {@value #AUTHORITY} (the Microsoft Entra authority host),
 * {@value #TRUST_STORE} and {@value #TRUST_STORE_PASSWORD} (a PKCS#12 trust store for endpoints with a private
 * certificate), and {@value #GET_FINDINGS_PER_SECOND} (the pace of Security Hub's GetFindings, 3 by default). AWS
 * credentials come from the AWS default chain ({@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} among
 * others); the Azure service principal from {@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID} and
 * {@code AZURE_CLIENT_SECRET} when all three are set, else from the Azure default chain.
 */
final class ExampleEnvironment implements AutoCloseable {

    /** The AWS endpoint for every service and region, such as {@code http://127.0.0.1:4566}. */
    static final String AWS_ENDPOINT = "CLOUD_CONNECTOR_AWS_ENDPOINT";
    /** The Azure Resource Manager endpoint. */
    static final String ARM_ENDPOINT = "CLOUD_CONNECTOR_ARM_ENDPOINT";
    /** The Microsoft Graph endpoint. */
    static final String GRAPH_ENDPOINT = "CLOUD_CONNECTOR_GRAPH_ENDPOINT";
    /** The Microsoft Entra authority host. */
    static final String AUTHORITY = "CLOUD_CONNECTOR_AUTHORITY";
    /** A PKCS#12 trust store file. */
    static final String TRUST_STORE = "CLOUD_CONNECTOR_TRUST_STORE";
    /** The trust store's password. */
    static final String TRUST_STORE_PASSWORD = "CLOUD_CONNECTOR_TRUST_STORE_PASSWORD";
    /** How many GetFindings calls per second and region the SDK makes at most. */
    static final String GET_FINDINGS_PER_SECOND = "CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND";

    /**
     * The sandbox answers at once, so what the examples poll (SSM onboarding, resource provider registration) is
     * polled more often there than against the real clouds.
     */
    static final Duration SANDBOX_POLL_INTERVAL = Duration.ofMillis(200);

    private final ConnectorClient client;
    private final ConnectorSpec spec;
    private final CloudSandbox sandbox;
    private final CloudEndpoints endpoints;

    private ExampleEnvironment(ConnectorClient client, ConnectorSpec spec, CloudSandbox sandbox,
        CloudEndpoints endpoints) {
        this.client = client;
        this.spec = spec;
        this.sandbox = sandbox;
        this.endpoints = endpoints;
    }

    /**
     * The real clouds with the spec read from {@code specFile}, or the sandbox when there is none.
     *
     * @throws io.cloudconnector.InvalidSpecException when the spec file is not a valid spec
     */
    static ExampleEnvironment open(Optional<Path> specFile) {
        if (specFile.isPresent()) {
            ConnectorSpec spec = SpecJson.read(specFile.get());
            Map<String, String> variables = System.getenv();
            CloudEndpoints endpoints = endpoints(variables);
            return new ExampleEnvironment(client(endpoints, getFindingsPerSecond(variables),
                AzureAdapter.DEFAULT_POLL_INTERVAL), spec, null, endpoints);
        }
        CloudSandbox sandbox = CloudSandbox.start();
        return sandbox(sandbox, sandbox.spec());
    }

    /**
     * {@code sandbox}, started, with {@code spec} as the spec the example works on (the sandbox's own, or one that
     * differs from it, such as one without Arc settings). Closing the environment stops the sandbox.
     */
    static ExampleEnvironment sandbox(CloudSandbox sandbox, ConnectorSpec spec) {
        return new ExampleEnvironment(client(sandbox.endpoints(), ResiliencePolicy.GET_FINDINGS_PER_SECOND,
            SANDBOX_POLL_INTERVAL), spec, sandbox, sandbox.endpoints());
    }

    /**
     * The endpoints the environment variables name; the public clouds where they name none.
     *
     * @throws IllegalArgumentException when an endpoint is not a URI
     */
    static CloudEndpoints endpoints(Map<String, String> variables) {
        CloudEndpoints.Builder endpoints = CloudEndpoints.builder();
        value(variables, AWS_ENDPOINT).map(URI::create).ifPresent(endpoints::aws);
        value(variables, ARM_ENDPOINT).map(URI::create).ifPresent(endpoints::arm);
        value(variables, GRAPH_ENDPOINT).map(URI::create).ifPresent(endpoints::graph);
        value(variables, AUTHORITY).map(URI::create).ifPresent(endpoints::authority);
        value(variables, TRUST_STORE).map(Path::of).ifPresent(endpoints::trustStore);
        value(variables, TRUST_STORE_PASSWORD).map(Secret::of).ifPresent(endpoints::trustStorePassword);
        Optional<String> clientId = value(variables, "AZURE_CLIENT_ID");
        Optional<String> tenantId = value(variables, "AZURE_TENANT_ID");
        Optional<String> clientSecret = value(variables, "AZURE_CLIENT_SECRET");
        if (clientId.isPresent() && tenantId.isPresent() && clientSecret.isPresent()) {
            endpoints.azureClientId(clientId.get()).azureTenantId(tenantId.get())
                .azureClientSecret(Secret.of(clientSecret.get()));
        }
        return endpoints.build();
    }

    /**
     * The GetFindings pace the environment variables name; Security Hub's published quota when they name none.
     *
     * @throws IllegalArgumentException when the value is not a whole number
     */
    static int getFindingsPerSecond(Map<String, String> variables) {
        Optional<String> value = value(variables, GET_FINDINGS_PER_SECOND);
        try {
            return value.map(Integer::parseInt).orElse(ResiliencePolicy.GET_FINDINGS_PER_SECOND);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(GET_FINDINGS_PER_SECOND + " must be a whole number of calls per "
                + "second, was '" + value.orElseThrow() + "'", e);
        }
    }

    private static Optional<String> value(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static ConnectorClient client(CloudEndpoints endpoints, int getFindingsPerSecond,
        Duration azurePollInterval) {
        ResiliencePolicy policy = ResiliencePolicy.builder().securityHubGetFindingsPerSecond(getFindingsPerSecond)
            .build();
        return ConnectorClient.of(AwsAdapter.builder().endpoints(endpoints).resilience(policy).build(),
            new LazyAzureSide(endpoints, azurePollInterval));
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
            String where = endpoints.aws().isEmpty() && endpoints.arm().isEmpty() ? "the real AWS and Azure clouds"
                : "AWS at " + endpoints.aws().map(URI::toString).orElse("its public endpoints") + " and Azure at "
                + endpoints.arm().map(URI::toString).orElse("its public endpoint");
            return "Running against " + where + " for account " + spec.awsAccountId() + " and subscription "
                + spec.subscriptionId() + ".";
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
