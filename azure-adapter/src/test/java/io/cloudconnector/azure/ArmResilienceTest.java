package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.spi.ConnectorKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ARM answers that must not be taken at face value (a list page without its items, a body that is not JSON, a list
 * that never ends, a slow answer), through the real azure-core pipeline against WireMock.
 */
class ArmResilienceTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String CONNECTORS = "/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Security/connectors";
    private static final ResiliencePolicy QUICK = ResiliencePolicy.builder().maxAttempts(3).maxPages(4)
        .baseBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    @Override
    AzureAdapter adapter() {
        return sandbox.builder().resilience(QUICK).build();
    }

    @Test
    void list_pageWithoutValue_failsInsteadOfReportingAPartialList() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson("{\"items\": []}")));

        assertThatThrownBy(() -> adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("Microsoft.Security/connectors/read answered HTTP 200 with a list page that has no "
                + "value array");
    }

    @Test
    void list_bodyNotJson_askedAgainThenFailsNamingTheOperationAndTheAttempts() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson("<html>Bad gateway</html>")));

        assertThatThrownBy(() -> adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("Microsoft.Security/connectors/read answered HTTP 200 with a body that is not the "
                + "expected JSON")
            .hasMessageContaining("gave up after 3 attempts");
        sandbox.server.verify(3, getRequestedFor(urlPathEqualTo(CONNECTORS)));
    }

    @Test
    void list_pagesThatNeverEnd_stopAtThePageLimit() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson("{\"value\": [], \"nextLink\": \""
            + sandbox.base() + CONNECTORS + "?api-version=2020-01-01-preview&$skipToken={{randomValue length=12}}\"}")
            .withTransformers("response-template")));

        assertThatThrownBy(() -> adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION))
            .isInstanceOf(CloudServiceException.class)
            .hasMessageContaining("the list went on past 4 pages; stopping instead of looping");
        sandbox.server.verify(4, getRequestedFor(urlPathEqualTo(CONNECTORS)));
    }

    @Test
    void get_answerLaterThanTheAttemptTimeout_askedAgainAndAnswered() {
        String path = CONNECTORS + "/aws_dev2";
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS)).willReturn(okJson("{\"value\": []}")));
        sandbox.server.stubFor(get(urlPathEqualTo(path)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(answer()).withFixedDelay(3 * (int) ATTEMPT_TIMEOUT.toMillis()))
            .willSetStateTo("answered"));
        sandbox.server.stubFor(get(urlPathEqualTo(path)).inScenario("slow").whenScenarioStateIs("answered")
            .willReturn(okJson(answer())));
        try (AzureAdapter impatient = sandbox.builder().resilience(ResiliencePolicy.builder().from(QUICK)
            .attemptTimeout(ATTEMPT_TIMEOUT).build()).build()) {
            impatient.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION);

            assertThat(impatient.connectors().get(ConnectorKey.classic(SUBSCRIPTION, "aws_dev2"))).isPresent();
        }
        sandbox.server.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    private static String answer() {
        return ArmSandbox.exampleResponse("connectors-put-assume-role.json", 200).toString();
    }
}
