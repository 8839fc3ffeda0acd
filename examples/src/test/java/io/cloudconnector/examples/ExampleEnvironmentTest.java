package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables that point an example with a spec file at other endpoints. */
class ExampleEnvironmentTest {

    @Test
    void endpoints_noVariables_publicClouds() {
        assertThat(ExampleEnvironment.endpoints(Map.of())).isEqualTo(CloudEndpoints.publicCloud());
        assertThat(ExampleEnvironment.getFindingsPerSecond(Map.of())).isEqualTo(3);
    }

    @Test
    void endpoints_everyVariable_setsEndpointsTrustAndServicePrincipal() {
        CloudEndpoints endpoints = ExampleEnvironment.endpoints(Map.of(
            "CLOUD_CONNECTOR_AWS_ENDPOINT", "http://127.0.0.1:4566",
            "CLOUD_CONNECTOR_ARM_ENDPOINT", "https://127.0.0.1:8443",
            "CLOUD_CONNECTOR_GRAPH_ENDPOINT", "https://127.0.0.1:8444",
            "CLOUD_CONNECTOR_AUTHORITY", "https://127.0.0.1:8443",
            "CLOUD_CONNECTOR_TRUST_STORE", "/tmp/trust.p12",
            "CLOUD_CONNECTOR_TRUST_STORE_PASSWORD", "changeit",
            "AZURE_CLIENT_ID", "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
            "AZURE_TENANT_ID", "5f3c8a21-4d6e-4b7f-9c0a-1e2d3b4c5a69",
            "AZURE_CLIENT_SECRET", "a-secret"));

        assertThat(endpoints.aws()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(endpoints.arm()).contains(URI.create("https://127.0.0.1:8443"));
        assertThat(endpoints.graph()).contains(URI.create("https://127.0.0.1:8444"));
        assertThat(endpoints.authority()).contains(URI.create("https://127.0.0.1:8443"));
        assertThat(endpoints.trustStore()).contains(Path.of("/tmp/trust.p12"));
        assertThat(endpoints.trustStorePassword().map(Secret::reveal)).contains("changeit");
        assertThat(endpoints.azureClientId()).contains("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
        assertThat(endpoints.azureClientSecret().map(Secret::reveal)).contains("a-secret");
    }

    @Test
    void endpoints_servicePrincipalWithoutSecret_leftToTheDefaultChain() {
        CloudEndpoints endpoints = ExampleEnvironment.endpoints(Map.of(
            "AZURE_CLIENT_ID", "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "AZURE_TENANT_ID", "tenant", " ", " "));

        assertThat(endpoints.azureClientId()).isEmpty();
    }

    @Test
    void getFindingsPerSecond_variableSet_readsIt() {
        assertThat(ExampleEnvironment.getFindingsPerSecond(Map.of("CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND", "500")))
            .isEqualTo(500);
        assertThatThrownBy(() -> ExampleEnvironment.getFindingsPerSecond(Map.of(
            "CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND", "fast"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("CLOUD_CONNECTOR_GET_FINDINGS_PER_SECOND must be a whole number of calls per second, was "
                + "'fast'");
    }
}
