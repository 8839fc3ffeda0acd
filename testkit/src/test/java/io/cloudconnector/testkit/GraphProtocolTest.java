package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's Microsoft Graph over HTTPS with java.net.http: applications, secrets, service principals. */
class GraphProtocolTest {

    private CloudSandbox sandbox;
    private ArmTestClient client;
    private String bearer;

    @BeforeEach
    void start() {
        sandbox = CloudSandbox.start();
        client = new ArmTestClient(sandbox);
        bearer = client.bearer();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void defaultSeed_tenantIsEmptyAndEndpointsNameGraph() {
        assertThat(sandbox.applications()).isEmpty();
        assertThat(sandbox.endpoints().graph()).contains(sandbox.graphUri());
        assertThat(list("/v1.0/applications").get("value")).isEmpty();
    }

    @Test
    void graph_withoutBearer_isUnauthorizedInGraphsErrorShape() {
        HttpResponse<String> response = client.send("GET", "/v1.0/applications", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = ArmTestClient.read(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.at("/innerError/request-id").asText()).isNotBlank();
        assertThat(response.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void createApplication_isListedByDisplayNameWithoutRegardToCase() {
        HttpResponse<String> created = client.send("POST", "/v1.0/applications", "{\"displayName\":\"O'Brien arc\"}",
            bearer);
        JsonNode app = ArmTestClient.read(created.body());

        JsonNode listed = list("/v1.0/applications?$filter=" + encode("displayName eq 'o''brien ARC'"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(app.get("id").asText()).isNotEqualTo(app.get("appId").asText()).hasSize(36);
        assertThat(listed.get("value")).singleElement().satisfies(found ->
            assertThat(found.get("appId").asText()).isEqualTo(app.get("appId").asText()));
        assertThat(list("/v1.0/applications?$filter=" + encode("displayName eq 'arc'")).get("value")).isEmpty();
    }

    @Test
    void listApplications_unsupportedFilter_isRequestUnsupportedQuery() {
        HttpResponse<String> response = client.send("GET", "/v1.0/applications?$filter="
            + encode("startswith(displayName,'arc')"), null, bearer);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ArmTestClient.read(response.body()).at("/error/code").asText())
            .isEqualTo("Request_UnsupportedQuery");
    }

    @Test
    void listApplications_morePagesThanOne_followOdataNextLinkAtTheSandbox() {
        for (int i = 0; i < 5; i++) {
            client.send("POST", "/v1.0/applications", "{\"displayName\":\"arc\"}", bearer);
        }
        List<String> ids = new ArrayList<>();
        String next = "/v1.0/applications?$filter=" + encode("displayName eq 'arc'");
        int pages = 0;
        while (next != null) {
            JsonNode page = list(next);
            page.get("value").forEach(app -> ids.add(app.get("id").asText()));
            String link = page.path("@odata.nextLink").asText(null);
            if (link != null) {
                assertThat(URI.create(link).getAuthority()).isEqualTo(sandbox.graphUri().getAuthority());
            }
            next = link == null ? null : link.substring(sandbox.graphUri().toString().length());
            pages++;
        }

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        assertThat(sandbox.stats().requests("graph:LIST applications")).isEqualTo(3);
    }

    @Test
    void addPassword_secretTextOnlyInTheAnswer_andTheAppSignsInOnceItHasAServicePrincipal() {
        JsonNode app = ArmTestClient.read(client.send("POST", "/v1.0/applications", "{\"displayName\":\"arc\"}",
            bearer).body());
        String id = app.get("id").asText();
        String appId = app.get("appId").asText();

        HttpResponse<String> added = client.send("POST", "/v1.0/applications/" + id + "/addPassword",
            "{\"passwordCredential\":{\"displayName\":\"onboarding\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}}",
            bearer);
        JsonNode password = ArmTestClient.read(added.body());
        String secret = password.get("secretText").asText();
        HttpResponse<String> withoutPrincipal = client.token(appId, secret);
        HttpResponse<String> principal = client.send("POST", "/v1.0/servicePrincipals", "{\"appId\":\"" + appId
            + "\"}", bearer);
        JsonNode read = ArmTestClient.read(client.send("GET", "/v1.0/applications/" + id, null, bearer).body());

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(secret).hasSize(40).contains("Q~");
        assertThat(password.get("endDateTime").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(sandbox.secrets()).contains(secret);
        assertThat(read.get("passwordCredentials")).singleElement().satisfies(credential -> {
            assertThat(credential.get("secretText").isNull()).isTrue();
            assertThat(credential.get("hint").asText()).isEqualTo(secret.substring(0, 3));
            assertThat(credential.get("keyId").asText()).isEqualTo(password.get("keyId").asText());
        });
        assertThat(read.toString()).doesNotContain(secret);
        assertThat(ArmTestClient.read(withoutPrincipal.body()).get("error_description").asText())
            .startsWith("AADSTS7000229");
        assertThat(principal.statusCode()).isEqualTo(201);
        assertThat(client.token(appId, secret).statusCode()).isEqualTo(200);
        assertThat(client.token(appId, "sbx~wrong").statusCode()).isEqualTo(401);
        assertThat(sandbox.applications()).singleElement().satisfies(state -> {
            assertThat(state.servicePrincipalId()).contains(ArmTestClient.read(principal.body()).get("id").asText());
            assertThat(state.secrets()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(secret));
        });
    }

    @Test
    void addPassword_unknownApplication_isRequestResourceNotFound() {
        HttpResponse<String> response = client.send("POST", "/v1.0/applications/"
            + "00000000-0000-0000-0000-000000000099/addPassword", "{}", bearer);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ArmTestClient.read(response.body()).at("/error/code").asText())
            .isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void createServicePrincipal_unknownOrTakenAppId_isRefused() {
        String appId = ArmTestClient.read(client.send("POST", "/v1.0/applications", "{\"displayName\":\"arc\"}",
            bearer).body()).get("appId").asText();

        HttpResponse<String> unknown = client.send("POST", "/v1.0/servicePrincipals",
            "{\"appId\":\"00000000-0000-0000-0000-000000000099\"}", bearer);
        HttpResponse<String> first = client.send("POST", "/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}",
            bearer);
        HttpResponse<String> second = client.send("POST", "/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}",
            bearer);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(list("/v1.0/servicePrincipals?$filter=" + encode("appId eq '" + appId + "'")).get("value"))
            .singleElement().satisfies(sp -> assertThat(sp.get("id").asText())
                .isEqualTo(ArmTestClient.read(first.body()).get("id").asText()));
    }

    @Test
    void inject_graphFaults_answerInGraphsShapeAndChangeNothing() {
        sandbox.inject(SandboxFault.on("graph:POST applications").accessDenied());
        sandbox.inject(SandboxFault.on("graph:LIST applications").throttle());

        HttpResponse<String> denied = client.send("POST", "/v1.0/applications", "{\"displayName\":\"arc\"}", bearer);
        HttpResponse<String> throttled = client.send("GET", "/v1.0/applications", null, bearer);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(ArmTestClient.read(denied.body()).at("/error/code").asText())
            .isEqualTo("Authorization_RequestDenied");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(sandbox.applications()).isEmpty();
        assertThat(sandbox.stats().faultsFired()).isEqualTo(2);
    }

    @Test
    void seededApplication_withServicePrincipalAndSecret_isListedAndSignsIn() {
        sandbox.close();
        SandboxSeed seed = SandboxSeed.defaultSeed();
        SandboxSeed.ClientSecret current = new SandboxSeed.ClientSecret("00000000-0000-0000-0000-0000000000e1",
            "seeded", Instant.parse("2099-01-01T00:00:00Z"), "sbx8Q~seeded-secret");
        SandboxSeed.ClientSecret expired = new SandboxSeed.ClientSecret("00000000-0000-0000-0000-0000000000e2", "old",
            Instant.parse("2020-01-01T00:00:00Z"), "sbx8Q~expired-secret");
        SandboxSeed.Application app = new SandboxSeed.Application("00000000-0000-0000-0000-0000000000b1",
            "00000000-0000-0000-0000-0000000000a1", "arc onboarding",
            Optional.of("00000000-0000-0000-0000-0000000000d1"), List.of(current, expired));
        sandbox = CloudSandbox.start(seed.withAzure(seed.azure().withApplications(List.of(app))));
        client = new ArmTestClient(sandbox);
        bearer = client.bearer();

        JsonNode listed = list("/v1.0/servicePrincipals?$filter=" + encode("appId eq '" + app.appId() + "'"));

        assertThat(listed.get("value")).singleElement().satisfies(sp ->
            assertThat(sp.get("id").asText()).isEqualTo("00000000-0000-0000-0000-0000000000d1"));
        assertThat(list("/v1.0/applications").at("/value/0/passwordCredentials")).hasSize(2);
        assertThat(client.token(app.appId(), "sbx8Q~seeded-secret").statusCode()).isEqualTo(200);
        assertThat(ArmTestClient.read(client.token(app.appId(), "sbx8Q~expired-secret").body())
            .get("error_description").asText()).startsWith("AADSTS7000222");
        assertThat(sandbox.secrets()).contains("sbx8Q~seeded-secret");
        assertThat(sandbox.applications()).containsExactly(app);
    }

    private JsonNode list(String pathAndQuery) {
        HttpResponse<String> response = client.send("GET", pathAndQuery, null, bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ArmTestClient.read(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
