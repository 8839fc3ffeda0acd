package io.cloudconnector.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stubs of the AWS wire protocols on a WireMock server, answered with the fixtures under {@code /readiness}: query/XML
 * (STS, EC2, IAM) matched by {@code Action}, JSON 1.1 (AWS Config, SSM) by {@code X-Amz-Target}, REST-JSON (Security
 * Hub) by path. A region is matched through the credential scope of the SigV4 {@code Authorization} header.
 */
final class AwsStubs {

    static final String ACCOUNT = "123456789012";
    static final String SUBSCRIPTION = "4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b";
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /** Region-specific stubs win over the defaults. */
    static final int REGION_PRIORITY = 1;
    static final int DEFAULT_PRIORITY = 5;

    private final WireMockServer server;

    AwsStubs(WireMockServer server) {
        this.server = server;
    }

    static CloudEndpoints endpoints(WireMockServer server) {
        return CloudEndpoints.builder().aws(URI.create(server.baseUrl()))
            .awsCredentials(AwsAuthentication.accessKeys(ACCESS_KEY, Secret.of(SECRET_KEY))).build();
    }

    static ConnectorSpec.Builder spec(String... regions) {
        ConnectorSpec.Builder builder = new ConnectorSpec.Builder();
        builder.displayName("prod-account").subscriptionId(SUBSCRIPTION)
            .tenantId("9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b").awsAccountId(ACCOUNT).addRegions(regions)
            .authentication(AwsAuthentication.accessKeys(ACCESS_KEY, Secret.of(SECRET_KEY)));
        return builder;
    }

    /** A query-protocol call ({@code POST /} with {@code Action=...}) answered from {@code fixture}. */
    MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")).atPriority(DEFAULT_PRIORITY);
    }

    /** A JSON 1.1 call ({@code X-Amz-Target}). */
    MappingBuilder json(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)).atPriority(DEFAULT_PRIORITY);
    }

    /** Restricts {@code mapping} to calls signed for {@code region}, ahead of the defaults. */
    static MappingBuilder in(String region, MappingBuilder mapping) {
        return mapping.withHeader("Authorization", containing("/" + region + "/")).atPriority(REGION_PRIORITY);
    }

    void stub(MappingBuilder mapping, int status, String fixture) {
        server.stubFor(mapping.willReturn(answer(status, fixture)));
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        String type = fixture.endsWith(".xml") ? "text/xml"
            : fixture.startsWith("securityhub") ? "application/json" : "application/x-amz-json-1.1";
        return aResponse().withStatus(status).withHeader("Content-Type", type).withBody(fixture(fixture));
    }

    /** Every request the server received, as the SigV4 credential scopes of their Authorization headers. */
    List<String> signedRegions() {
        return server.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getHeaders)
            .map(headers -> headers.getHeader("Authorization").firstValue()).toList();
    }

    static String fixture(String name) {
        try (InputStream in = AwsStubs.class.getResourceAsStream("/readiness/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
