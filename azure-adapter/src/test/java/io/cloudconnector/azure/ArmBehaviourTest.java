package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ThrottledException;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import io.cloudconnector.spi.ResourceProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARM's rules as the adapter meets them: throttling, long-running operations, errors, paging links, providers. */
class ArmBehaviourTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String CONNECTORS = "/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Security/connectors";
    private static final String CLASSIC = CONNECTORS + "/aws_dev2";
    private static final String CURRENT = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/arc-rg"
        + "/providers/Microsoft.Security/securityConnectors/aws-prod";
    private static final String OPERATION = "/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Security/locations/centralus/operationResults/op-1";
    private static final String ASSUME_ROLE_200 =
        ArmSandbox.exampleResponse("connectors-put-assume-role.json", 200).toString();

    @Test
    void put_throttledOnce_waitsForRetryAfterAndSucceeds() {
        sandbox.server.stubFor(put(urlPathEqualTo(CLASSIC)).inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\"}}"))
            .willSetStateTo("served"));
        sandbox.server.stubFor(put(urlPathEqualTo(CLASSIC)).inScenario("throttle").whenScenarioStateIs("served")
            .willReturn(okJson(ASSUME_ROLE_200)));

        ConnectorResource written = adapter.connectors().put(classic());

        assertThat(written.authenticationState()).contains("Valid");
        List<LoggedRequest> attempts = sandbox.server.findAll(putRequestedFor(urlPathEqualTo(CLASSIC)));
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0).getLoggedDate().toInstant(),
            attempts.get(1).getLoggedDate().toInstant())).as("wait asked for by Retry-After: 1")
            .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void put_throttledBeyondTheRetries_throwsThrottledWithTheArmCode() {
        sandbox.server.stubFor(put(urlPathEqualTo(CLASSIC)).willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", "0").withHeader("x-ms-request-id", "req-429")
            .withBody("{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Too many writes.\"}}")));

        assertThatThrownBy(() -> adapter.connectors().put(classic()))
            .isInstanceOfSatisfying(ThrottledException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.errorCode()).contains("SubscriptionRequestsThrottled");
                assertThat(e.requestId()).contains("req-429");
                assertThat(e.retryable()).isTrue();
            });
        sandbox.server.verify(5, putRequestedFor(urlPathEqualTo(CLASSIC)));
    }

    @Test
    void put_longRunning_pollsAzureAsyncOperationThenReadsTheResource() {
        sandbox.server.stubFor(put(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(201)
            .withHeader("Azure-AsyncOperation", sandbox.base() + OPERATION + "?api-version=2024-08-01-preview")
            .withHeader("Retry-After", "0")));
        sandbox.server.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("lro").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"status\":\"InProgress\"}").withHeader("Retry-After", "0"))
            .willSetStateTo("done"));
        sandbox.server.stubFor(get(urlPathEqualTo(OPERATION)).inScenario("lro").whenScenarioStateIs("done")
            .willReturn(okJson("{\"status\":\"Succeeded\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(okJson(
            ArmSandbox.exampleResponse("security-connectors-list.json", 200).path("value").get(0).toString())));

        ConnectorResource written = adapter.connectors().put(current());

        sandbox.server.verify(2, getRequestedFor(urlPathEqualTo(OPERATION)));
        assertThat(written.roleArn()).contains("arn:aws:iam::00000000:role/ASCMonitor");
    }

    @Test
    void put_longRunningFails_throwsWithTheOperationsError() {
        sandbox.server.stubFor(put(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(201)
            .withHeader("Azure-AsyncOperation", sandbox.base() + OPERATION)));
        sandbox.server.stubFor(get(urlPathEqualTo(OPERATION)).willReturn(okJson("{\"status\":\"Failed\","
            + "\"error\":{\"code\":\"InvalidRole\",\"message\":\"The role cannot be assumed.\"}}")));

        assertThatThrownBy(() -> adapter.connectors().put(current()))
            .isInstanceOfSatisfying(CloudServiceException.class,
                e -> assertThat(e.errorCode()).contains("InvalidRole"))
            .hasMessageContaining("ended Failed with InvalidRole: The role cannot be assumed.");
    }

    @Test
    void delete_accepted_pollsLocationUntilDone() {
        String location = "/subscriptions/" + SUBSCRIPTION + "/operationResults/del-1";
        sandbox.server.stubFor(delete(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(202)
            .withHeader("Location", sandbox.base() + location).withHeader("Retry-After", "0")));
        sandbox.server.stubFor(get(urlPathEqualTo(location)).inScenario("delete")
            .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(202)).willSetStateTo("gone"));
        sandbox.server.stubFor(get(urlPathEqualTo(location)).inScenario("delete").whenScenarioStateIs("gone")
            .willReturn(aResponse().withStatus(204)));

        assertThat(adapter.connectors().delete(ConnectorKey.current(SUBSCRIPTION, "arc-rg", "aws-prod"))).isTrue();
        sandbox.server.verify(2, getRequestedFor(urlPathEqualTo(location)));
    }

    @Test
    void put_armErrorBody_becomesCloudServiceExceptionWithCodeMessageAndRequestId() {
        sandbox.server.stubFor(put(urlPathEqualTo(CLASSIC)).willReturn(aResponse().withStatus(400)
            .withHeader("x-ms-request-id", "4f2a-req").withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":\"InvalidInput\",\"message\":\"The region is not supported.\","
                + "\"target\":\"region\",\"details\":[],\"additionalInfo\":[]}}")));

        assertThatThrownBy(() -> adapter.connectors().put(classic()))
            .isInstanceOfSatisfying(CloudServiceException.class, e -> {
                assertThat(e.provider()).isEqualTo("azure");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.errorCode()).contains("InvalidInput");
                assertThat(e.requestId()).contains("4f2a-req");
                assertThat(e.operation()).contains("Microsoft.Security/connectors/write");
                assertThat(e.retryable()).isFalse();
            })
            .hasMessage("Azure Microsoft.Security/connectors/write failed: HTTP 400 InvalidInput: The region is not"
                + " supported. (x-ms-request-id 4f2a-req)");
    }

    @Test
    void get_authorizationFailed_becomesAccessDeniedNamingTheRefusedAction() {
        sandbox.server.stubFor(get(urlPathEqualTo(CLASSIC)).willReturn(aResponse().withStatus(403)
            .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'app' with object id"
                + " 'x' does not have authorization to perform action 'Microsoft.Security/connectors/read' over"
                + " scope '/subscriptions/" + SUBSCRIPTION + "' or the scope is invalid.\"}}")));

        assertThatThrownBy(() -> adapter.connectors().get(ConnectorKey.classic(SUBSCRIPTION, "aws_dev2")))
            .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.errorCode()).contains("AuthorizationFailed");
                assertThat(e.permission()).contains("Microsoft.Security/connectors/read");
            });
    }

    @Test
    void get_bodyIsNotJson_throwsNamingTheOperation() {
        sandbox.server.stubFor(get(urlPathEqualTo(CLASSIC)).willReturn(okJson("{\"properties\": [unclosed")));

        assertThatThrownBy(() -> adapter.connectors().get(ConnectorKey.classic(SUBSCRIPTION, "aws_dev2")))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("Microsoft.Security/connectors/read answered HTTP 200 with a body that is not");
    }

    @Test
    void list_nextLinkToAnotherHost_isRefusedAndNothingIsSentThere() {
        WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"value\":[]}")));
            sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson(ArmSandbox.withNextLink(
                ArmSandbox.exampleResponse("connectors-list.json", 200),
                "http://localhost:" + elsewhere.port() + CONNECTORS + "?page=2"))));

            assertThatThrownBy(() -> adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION))
                .isInstanceOf(CloudServiceException.class)
                .hasMessageContaining("refusing to follow a link to http://localhost:" + elsewhere.port());
            elsewhere.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void list_nextLinkToItself_stopsWithAnError() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson(ArmSandbox.withNextLink(
            ArmSandbox.exampleResponse("connectors-list.json", 200),
            sandbox.base() + CONNECTORS + "?api-version=2020-01-01-preview"))));

        assertThatThrownBy(() -> adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("nextLink points to a page already read");
        sandbox.server.verify(1, getRequestedFor(urlPathEqualTo(CONNECTORS)));
    }

    @Test
    void register_providerRegistering_pollsUntilRegistered() {
        String provider = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.HybridCompute";
        sandbox.server.stubFor(get(urlPathEqualTo(provider)).inScenario("rp").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"namespace\":\"Microsoft.HybridCompute\",\"registrationState\":\"NotRegistered\"}")));
        sandbox.server.stubFor(post(urlPathEqualTo(provider + "/register")).inScenario("rp")
            .willReturn(okJson("{\"namespace\":\"Microsoft.HybridCompute\",\"registrationState\":\"Registering\"}"))
            .willSetStateTo("registering"));
        sandbox.server.stubFor(get(urlPathEqualTo(provider)).inScenario("rp").whenScenarioStateIs("registering")
            .willReturn(okJson("{\"namespace\":\"Microsoft.HybridCompute\",\"registrationState\":\"Registering\"}"))
            .willSetStateTo("registered"));
        sandbox.server.stubFor(get(urlPathEqualTo(provider)).inScenario("rp").whenScenarioStateIs("registered")
            .willReturn(okJson("{\"namespace\":\"Microsoft.HybridCompute\",\"registrationState\":\"Registered\"}")));

        assertThat(adapter.connectors().provider(SUBSCRIPTION, "Microsoft.HybridCompute").registered()).isFalse();
        ResourceProvider registered = adapter.connectors().register(SUBSCRIPTION, "Microsoft.HybridCompute");

        assertThat(registered.registrationState()).isEqualTo("Registered");
        sandbox.server.verify(1, postRequestedFor(urlPathEqualTo(provider + "/register")));
        sandbox.server.verify(3, getRequestedFor(urlPathEqualTo(provider)));
    }

    @Test
    void register_stillRegisteringAtTheDeadline_returnsTheLastState() {
        String provider = "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.GuestConfiguration";
        sandbox.server.stubFor(post(urlPathEqualTo(provider + "/register")).willReturn(
            okJson("{\"registrationState\":\"Registering\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(provider)).willReturn(
            okJson("{\"registrationState\":\"Registering\"}")));
        try (AzureAdapter impatient = sandbox.builder().operationTimeout(Duration.ofMillis(1)).build()) {

            ResourceProvider state = impatient.connectors().register(SUBSCRIPTION, "Microsoft.GuestConfiguration");

            assertThat(state.registered()).isFalse();
            assertThat(state.registrationState()).isEqualTo("Registering");
        }
    }

    private static ConnectorResource classic() {
        return ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "aws_dev2"))
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .roleArn("arn:aws:iam::123456789012:role/AscConnector")
            .externalId(SUBSCRIPTION)
            .build();
    }

    private static ConnectorResource current() {
        return ConnectorResource.builder()
            .key(ConnectorKey.current(SUBSCRIPTION, "arc-rg", "aws-prod"))
            .awsAccountId("123456789012")
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .roleArn("arn:aws:iam::123456789012:role/AscConnector")
            .arcRegion("centralus")
            .scanInterval(Duration.ofHours(6))
            .build();
    }
}
