package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ThrottledException;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.CreatedClientSecret;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.testkit.StandardError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft Graph side of provisioning through the real azure-core pipeline against WireMock: filters, paging,
 * the token's scope and host, errors, and the client secret kept out of every log line and message.
 */
class EntraProvisioningTest extends ArmSandboxTest {

    private static final String APPLICATIONS = "/v1.0/applications";
    private static final String SERVICE_PRINCIPALS = "/v1.0/servicePrincipals";
    private static final String OBJECT_ID = "00000000-0000-0000-0000-00000000a001";
    private static final String APP_ID = "00000000-0000-0000-0000-00000000b001";
    private static final String SP_ID = "00000000-0000-0000-0000-00000000c001";
    private static final String SECRET_TEXT = "sbx8Q~Graph.Secret-never-printed-0123456789";
    private static final String DENIED = "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
        + "\"Insufficient privileges to complete the operation.\",\"innerError\":{\"request-id\":\"graph-req-403\"}}}";

    private AzureProvisioningPort port() {
        return adapter.azureProvisioning();
    }

    @Test
    void applications_nameWithQuote_isEscapedInTheFilterAndOnlyExactNamesReturned() {
        sandbox.server.stubFor(get(urlPathEqualTo(APPLICATIONS))
            .withQueryParam("$filter", equalTo("displayName eq 'O''Brien arc'"))
            .willReturn(okJson("{\"value\":[" + application(OBJECT_ID, APP_ID, "O'Brien arc",
                "{\"keyId\":\"k1\",\"endDateTime\":\"2027-03-01T10:00:00Z\",\"secretText\":null}")
                + "," + application("00000000-0000-0000-0000-00000000a002", "00000000-0000-0000-0000-00000000b002",
                "o'brien ARC", "") + "]}")));

        List<EntraApplication> found = port().applications("O'Brien arc");

        assertThat(found).singleElement().satisfies(app -> {
            assertThat(app.objectId()).isEqualTo(OBJECT_ID);
            assertThat(app.appId()).isEqualTo(APP_ID);
            assertThat(app.secretExpiries()).containsExactly(Instant.parse("2027-03-01T10:00:00Z"));
        });
        assertThat(sandbox.server.findAll(getRequestedFor(urlPathEqualTo(APPLICATIONS))).get(0).getUrl())
            .contains("$filter=displayName%20eq%20%27O%27%27Brien%20arc%27");
    }

    @Test
    void applications_severalPages_followsOdataNextLinkAndAsksForAGraphToken() {
        String next = sandbox.graphBase() + APPLICATIONS + "?$filter=displayName%20eq%20%27arc%27&$skiptoken=p2";
        sandbox.server.stubFor(get(urlPathEqualTo(APPLICATIONS)).withQueryParam("$skiptoken", equalTo("p2"))
            .willReturn(okJson("{\"value\":[" + application("00000000-0000-0000-0000-00000000a002",
                "00000000-0000-0000-0000-00000000b002", "arc", "") + "]}")));
        sandbox.server.stubFor(get(urlPathEqualTo(APPLICATIONS)).atPriority(10).willReturn(okJson("{\"value\":["
            + application(OBJECT_ID, APP_ID, "arc", "") + "],\"@odata.nextLink\":\"" + next + "\"}")));

        List<EntraApplication> found = port().applications("arc");

        assertThat(found).extracting(EntraApplication::appId).containsExactly(APP_ID,
            "00000000-0000-0000-0000-00000000b002");
        assertThat(sandbox.requestedScopes).containsOnly(sandbox.graphBase() + "/.default");
        sandbox.server.verify(2, getRequestedFor(urlPathEqualTo(APPLICATIONS))
            .withHeader("Authorization", equalTo("Bearer " + ArmSandbox.TOKEN))
            .withHeader("Host", equalTo("127.0.0.1:" + sandbox.server.httpsPort())));
    }

    @Test
    void applications_nextLinkToTheArmHost_isRefusedAndTheTokenNotSentThere() {
        sandbox.server.stubFor(get(urlPathEqualTo(APPLICATIONS)).willReturn(okJson("{\"value\":[],"
            + "\"@odata.nextLink\":\"" + sandbox.base() + APPLICATIONS + "?$skiptoken=p2\"}")));

        assertThatThrownBy(() -> port().applications("arc"))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("refusing to follow a link to https://localhost:" + sandbox.server.httpsPort()
                + ", outside the Microsoft Graph endpoint " + sandbox.graphBase());
        sandbox.server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void createApplication_forbidden_isAccessDeniedNamingTheGraphPermission() {
        sandbox.server.stubFor(post(urlPathEqualTo(APPLICATIONS)).willReturn(aResponse().withStatus(403)
            .withHeader("request-id", "graph-req-403").withHeader("Content-Type", "application/json")
            .withBody(DENIED)));

        assertThatThrownBy(() -> port().createApplication("arc-onboarding"))
            .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.permission()).contains("Application.ReadWrite.All");
                assertThat(e.errorCode()).contains("Authorization_RequestDenied");
                assertThat(e.requestId()).contains("graph-req-403");
                assertThat(e.statusCode()).isEqualTo(403);
            })
            .hasMessage("Azure Microsoft Graph POST /applications failed: HTTP 403 Authorization_RequestDenied: "
                + "Insufficient privileges to complete the operation. The Azure identity needs the Microsoft Graph "
                + "application permission Application.ReadWrite.All (with admin consent), or the Application "
                + "Administrator role in Microsoft Entra ID. (request-id graph-req-403)");
    }

    @Test
    void createApplication_throttledThenCreated_isSentAgainAfterRetryAfter() {
        sandbox.server.stubFor(post(urlPathEqualTo(APPLICATIONS)).inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}"))
            .willSetStateTo("served"));
        sandbox.server.stubFor(post(urlPathEqualTo(APPLICATIONS)).inScenario("throttle").whenScenarioStateIs("served")
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(application(OBJECT_ID, APP_ID, "arc-onboarding", ""))));

        EntraApplication created = port().createApplication("arc-onboarding");

        assertThat(created.objectId()).isEqualTo(OBJECT_ID);
        assertThat(created.secretExpiries()).isEmpty();
        sandbox.server.verify(2, postRequestedFor(urlPathEqualTo(APPLICATIONS))
            .withRequestBody(equalToJson("{\"displayName\":\"arc-onboarding\"}")));
    }

    @Test
    void createApplication_throttledBeyondTheRetries_isThrottledException() {
        sandbox.server.stubFor(post(urlPathEqualTo(APPLICATIONS)).willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", "0").withHeader("request-id", "graph-req-429")
            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}")));

        assertThatThrownBy(() -> port().createApplication("arc-onboarding"))
            .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.requestId()).contains("graph-req-429"))
            .hasMessageContaining("gave up after 5 attempts");
    }

    @Test
    void createApplication_serverError_isNotSentAgainAsItMayHaveCreatedTheApplication() {
        sandbox.server.stubFor(post(urlPathEqualTo(APPLICATIONS)).willReturn(aResponse().withStatus(500)
            .withBody("{\"error\":{\"code\":\"generalException\",\"message\":\"An unspecified error has "
                + "occurred.\"}}")));

        assertThatThrownBy(() -> port().createApplication("arc-onboarding"))
            .isInstanceOfSatisfying(CloudServiceException.class, e -> assertThat(e.retryable()).isFalse())
            .hasMessageContaining("HTTP 500 generalException")
            .hasMessageContaining("not sent again, as the request may have taken effect");
        sandbox.server.verify(1, postRequestedFor(urlPathEqualTo(APPLICATIONS)));
    }

    @Test
    void servicePrincipal_noneForTheAppId_isEmptyAndCreateReturnsTheNewOne() {
        sandbox.server.stubFor(get(urlPathEqualTo(SERVICE_PRINCIPALS)).withQueryParam("$filter",
            equalTo("appId eq '" + APP_ID + "'")).willReturn(okJson("{\"value\":[]}")));
        sandbox.server.stubFor(post(urlPathEqualTo(SERVICE_PRINCIPALS)).withRequestBody(equalToJson("{\"appId\":\""
            + APP_ID + "\"}")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"" + SP_ID + "\",\"appId\":\"" + APP_ID + "\",\"displayName\":\"arc\"}")));

        assertThat(port().servicePrincipal(APP_ID)).isEmpty();
        assertThat(port().createServicePrincipal(APP_ID)).isEqualTo(EntraServicePrincipal.of(SP_ID, APP_ID));
    }

    @Test
    void addClientSecret_answerHoldsTheSecretOnce_returnedMaskedAndNeverLogged() {
        String path = APPLICATIONS + "/" + OBJECT_ID + "/addPassword";
        sandbox.server.stubFor(post(urlPathEqualTo(path)).willReturn(okJson("{\"customKeyIdentifier\":null,"
            + "\"displayName\":\"arc onboarding\",\"endDateTime\":\"2027-06-01T00:00:00Z\",\"hint\":\"sbx\","
            + "\"keyId\":\"00000000-0000-0000-0000-00000000d001\",\"secretText\":\"" + SECRET_TEXT + "\","
            + "\"startDateTime\":\"2026-06-01T00:00:00Z\"}")));
        List<CreatedClientSecret> created = new ArrayList<>();

        String logs = StandardError.during(() -> created.add(port().addClientSecret(OBJECT_ID, "arc onboarding",
            Instant.parse("2027-06-01T00:00:00Z"))));

        CreatedClientSecret secret = created.get(0);
        assertThat(secret.keyId()).isEqualTo("00000000-0000-0000-0000-00000000d001");
        assertThat(secret.value().reveal()).isEqualTo(SECRET_TEXT);
        assertThat(secret.expiresAt()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(secret.toString()).doesNotContain(SECRET_TEXT);
        assertThat(logs).contains("Graph POST " + path + " -> 200").doesNotContain(SECRET_TEXT);
        sandbox.server.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
            "{\"passwordCredential\":{\"displayName\":\"arc onboarding\",\"endDateTime\":\"2027-06-01T00:00:00Z\"}}")));
    }

    @Test
    void addClientSecret_answerCutShort_failsWithoutTheSecretAndIsNotSentAgain() {
        String path = APPLICATIONS + "/" + OBJECT_ID + "/addPassword";
        sandbox.server.stubFor(post(urlPathEqualTo(path)).willReturn(okJson("{\"keyId\":\"k\",\"secretText\":\""
            + SECRET_TEXT + "\",\"endDateTime\": 2027-")));
        List<Throwable> failures = new ArrayList<>();

        String logs = StandardError.during(() -> failures.add(catchThrowable(() -> port().addClientSecret(OBJECT_ID,
            "arc onboarding", Instant.parse("2027-06-01T00:00:00Z")))));

        assertThat(failures.get(0)).isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("with a body that is not the expected JSON")
            .hasMessageContaining("may have taken effect");
        for (Throwable cause = failures.get(0); cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause)).doesNotContain(SECRET_TEXT);
        }
        assertThat(logs).doesNotContain(SECRET_TEXT);
        sandbox.server.verify(1, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void arguments_invalid_areRefusedNamingTheParameterBeforeAnyCall() {
        assertThatThrownBy(() -> port().applications(" "))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("displayName must not be blank, was ' '");
        assertThatThrownBy(() -> port().servicePrincipal("not-a-guid"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("appId must be a GUID");
        assertThatThrownBy(() -> port().addClientSecret(OBJECT_ID, "arc", null))
            .isInstanceOf(NullPointerException.class).hasMessage("expiresAt");
        sandbox.server.verify(0, anyRequestedFor(anyUrl()));
    }

    private static String application(String id, String appId, String name, String password) {
        return "{\"id\":\"" + id + "\",\"appId\":\"" + appId + "\",\"displayName\":\"" + name.replace("\"", "\\\"")
            + "\",\"passwordCredentials\":[" + password + "]}";
    }
}
