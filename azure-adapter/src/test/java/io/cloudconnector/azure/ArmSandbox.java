package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * WireMock over HTTPS on loopback with a certificate made at start, and adapters that trust it through
 * {@link CloudEndpoints}: the real azure-core pipeline, bearer policy included, runs against it.
 */
final class ArmSandbox implements AutoCloseable {

    static final String TOKEN = "sandbox-access-token";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;
    final TestCertificates certificates;
    final List<String> requestedScopes = new CopyOnWriteArrayList<>();

    ArmSandbox() {
        try {
            this.certificates = TestCertificates.create(Files.createTempDirectory("arm-sandbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
            .keystorePath(certificates.keyStore().toString())
            .keystorePassword(certificates.password())
            .keyManagerPassword(certificates.password())
            .keystoreType("PKCS12"));
        server.start();
    }

    /** {@code https://localhost:{port}}. */
    URI base() {
        return URI.create("https://localhost:" + server.httpsPort());
    }

    /**
     * {@code https://127.0.0.1:{port}}: the same server as {@link #base()} under another origin, where the adapter
     * sends Microsoft Graph calls.
     */
    URI graphBase() {
        return URI.create("https://127.0.0.1:" + server.httpsPort());
    }

    /** ARM, Microsoft Graph (at {@link #graphBase()}) and the authority all at the sandbox, its certificate trusted. */
    CloudEndpoints endpoints() {
        return CloudEndpoints.builder()
            .arm(base())
            .graph(graphBase())
            .authority(base())
            .trustStore(certificates.trustStore())
            .trustStorePassword(Secret.of(certificates.password()))
            .build();
    }

    /** An adapter with a static token credential that records the scopes asked for; polls without waiting. */
    AzureAdapter adapter() {
        return builder().build();
    }

    /** A builder for {@link #adapter()}, to change a setting; retries wait at most 5 ms unless ARM asks. */
    AzureAdapter.Builder builder() {
        TokenCredential credential = request -> {
            requestedScopes.addAll(request.getScopes());
            return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        };
        return AzureAdapter.builder().endpoints(endpoints()).credential(credential).pollInterval(Duration.ZERO)
            .resilience(ResiliencePolicy.builder().baseBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
                .build());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A published example or variant from the test resources. */
    static JsonNode fixture(String name) {
        try (InputStream in = ArmSandbox.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a published example's response with {@code status}. */
    static JsonNode exampleResponse(String example, int status) {
        return fixture("azure-examples/" + example).path("responses").path(Integer.toString(status)).path("body");
    }

    /** {@code page} with a {@code nextLink}. */
    static String withNextLink(JsonNode page, String nextLink) {
        ObjectNode copy = page.deepCopy();
        copy.put("nextLink", nextLink);
        return copy.toString();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
