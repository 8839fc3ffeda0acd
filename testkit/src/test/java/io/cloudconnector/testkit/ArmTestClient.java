package io.cloudconnector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A plain java.net.http client of the sandbox's HTTPS side, trusting its certificate. */
final class ArmTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSandbox sandbox;
    private final HttpClient http;

    ArmTestClient(CloudSandbox sandbox) {
        this.sandbox = sandbox;
        this.http = HttpClient.newBuilder().sslContext(sandbox.sslContext()).version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    /** The answer of the token endpoint to a client-credentials request. */
    HttpResponse<String> token(String clientId, String secret) {
        SandboxSeed.Azure azure = sandbox.seed().azure();
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
            + encode(secret) + "&scope=" + encode("https://management.azure.com/.default");
        return send(HttpRequest.newBuilder(sandbox.authorityUri().resolve("/" + azure.tenantId()
            + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A bearer token of the SDK's service principal. */
    String bearer() {
        SandboxSeed.Azure azure = sandbox.seed().azure();
        return read(token(azure.clientId(), azure.clientSecret()).body()).get("access_token").asText();
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.armUri() + pathAndQuery))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
