package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import io.cloudconnector.testkit.StandardError;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in through azure-identity against the sandbox's token endpoint, and secrets kept out of logs and errors. */
class CredentialTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CLIENT_ID = "ad9bcd79-be9c-45ab-abd8-80ca1654a7d1";
    private static final String CLIENT_SECRET = "client-secret-Q8~never-printed";
    private static final String AWS_SECRET = "aws-secret-aF6CjwMAUR5b4lmZN7e8gVi0My";
    private static final String SP_SECRET = "sp-secret-x2yS:FnCHssRkH0@CJY5pA";
    private static final String CONNECTOR = "/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Security/connectors/aws_dev1";
    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    private static ArmSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ArmSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.server.resetAll();
    }

    @Test
    void servicePrincipal_signsInAtTheAuthorityAndSendsThatTokenToArm() {
        sandbox.server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"Bearer\","
            + "\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"token-from-authority\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(okJson(
            ArmSandbox.exampleResponse("connectors-put-aws-creds.json", 200).toString())));

        try (AzureAdapter adapter = AzureAdapter.create(servicePrincipalEndpoints())) {
            assertThat(adapter.connectors().get(ConnectorKey.classic(SUBSCRIPTION, "aws_dev1"))).isPresent();
        }

        sandbox.server.verify(getRequestedFor(urlPathEqualTo(CONNECTOR))
            .withHeader("Authorization", equalTo("Bearer token-from-authority")));
        assertThat(sandbox.server.getAllServeEvents()).as("MSAL needs the token endpoint only")
            .allMatch(event -> event.getRequest().getUrl().startsWith(TOKEN_PATH)
                || event.getRequest().getUrl().startsWith(CONNECTOR));
        sandbox.server.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_id=" + CLIENT_ID))
            .withRequestBody(containing(URLEncoder.encode(sandbox.base() + "/.default", StandardCharsets.UTF_8))));
    }

    @Test
    void servicePrincipal_partlyConfigured_isRefusedNamingTheMissingSettings() {
        CloudEndpoints partial = CloudEndpoints.builder().from(sandbox.endpoints()).azureClientId(CLIENT_ID).build();

        assertThatThrownBy(() -> AzureAdapter.create(partial))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("azureClientId, azureTenantId and azureClientSecret together");
    }

    @Test
    void secrets_neverAppearInLogsOrExceptionsAtTraceLevel() {
        sandbox.server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret"
                + " provided.\",\"error_codes\":[7000215]}")));
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTOR)).willReturn(aResponse().withStatus(400)
            .withHeader("x-ms-request-id", "req-400")
            .withBody("{\"error\":{\"code\":\"InvalidInput\",\"message\":\"The access key is not valid.\"}}")));
        List<Throwable> failures = new ArrayList<>();

        String logs = StandardError.during(() -> {
            try (AzureAdapter adapter = sandbox.adapter()) {
                failures.add(catchThrowable(() -> adapter.connectors().put(accessKeyConnector())));
            }
            try (AzureAdapter adapter = AzureAdapter.create(servicePrincipalEndpoints())) {
                failures.add(catchThrowable(() -> adapter.connectors().put(accessKeyConnector())));
            }
        });

        assertThat(failures.get(0)).isInstanceOf(CloudServiceException.class).hasMessageContaining("InvalidInput");
        assertThat(failures.get(1)).isInstanceOf(AccessDeniedException.class)
            .hasMessageContaining("sign-in failed before Microsoft.Security/connectors/write: AADSTS7000215");
        sandbox.server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(logs).contains("ARM PUT " + CONNECTOR + " -> 400");
        for (String secret : List.of(CLIENT_SECRET, AWS_SECRET, SP_SECRET, ArmSandbox.TOKEN)) {
            assertThat(logs).as("log output").doesNotContain(secret);
            for (Throwable failure : failures) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    assertThat(String.valueOf(cause)).as("exception text").doesNotContain(secret);
                }
            }
        }
    }

    private static ConnectorResource accessKeyConnector() {
        return ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "aws_dev1"))
            .authenticationType(AuthenticationType.ACCESS_KEYS)
            .accessKeyId("AKIAIOSFODNN7EXAMPL2")
            .secretAccessKey(Secret.of(AWS_SECRET))
            .autoProvision(true)
            .arcResourceGroup("AwsConnectorRG")
            .arcRegion("westus2")
            .proxy(URI.create("http://10.0.0.1:3128"))
            .servicePrincipalId(CLIENT_ID)
            .servicePrincipalSecret(Secret.of(SP_SECRET))
            .build();
    }

    private static CloudEndpoints servicePrincipalEndpoints() {
        return CloudEndpoints.builder().from(sandbox.endpoints())
            .azureClientId(CLIENT_ID)
            .azureTenantId(TENANT)
            .azureClientSecret(Secret.of(CLIENT_SECRET))
            .build();
    }
}
