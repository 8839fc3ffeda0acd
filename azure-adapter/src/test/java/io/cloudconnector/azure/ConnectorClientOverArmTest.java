package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectResult;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ConnectorStatus;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ConnectorClient}'s connector calls through the real adapter and pipeline, against the sandbox. */
class ConnectorClientOverArmTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String CONNECTOR = "/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Security/connectors/aws_dev2";
    private static final String ROLE = "arn:aws:iam::812315696580:role/AscConnector";

    private static ArmSandbox sandbox;
    private ConnectorClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ArmSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void newClient() {
        sandbox.server.resetAll();
        sandbox.server.stubFor(get(urlPathMatching("/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft\\.[A-Za-z]+")).willReturn(okJson("{\"registrationState\":\"Registered\"}")));
        client = ConnectorClient.of(new NoAws(), sandbox.adapter());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void connect_missingConnector_putsTheSpecWithLocationNameAndProxyFromTheUri() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(aResponse().withStatus(404)));
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTOR)).willReturn(okJson(stored().toString())));

        ConnectResult result = client.connect(spec());

        assertThat(result.change()).isEqualTo(ConnectResult.Change.CREATED);
        assertThat(result.providers()).hasSize(4).allMatch(p -> p.registered());
        JsonNode sent = ArmSandbox.parse(sandbox.server.findAll(putRequestedFor(urlPathEqualTo(CONNECTOR))).get(0)
            .getBodyAsString()).path("properties");
        assertThat(sent.at("/hybridComputeSettings/region").asText()).isEqualTo("westus2");
        assertThat(sent.at("/hybridComputeSettings/proxyServer").toString())
            .isEqualTo("{\"ip\":\"proxy.corp.example\",\"port\":\"3128\"}");
        assertThat(sent.at("/hybridComputeSettings/servicePrincipal/secret").asText()).isEqualTo("sp-secret-value");
        assertThat(sent.at("/authenticationDetails/awsExternalId").asText()).isEqualTo(SUBSCRIPTION);
        assertThat(result.status().healthy()).isTrue();
    }

    @Test
    void connect_storedConnectorMatches_writesNothing() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(okJson(stored().toString())));

        ConnectResult result = client.connect(spec());

        assertThat(result.change()).isEqualTo(ConnectResult.Change.UNCHANGED);
        sandbox.server.verify(0, putRequestedFor(urlPathEqualTo(CONNECTOR)));
    }

    @Test
    void connect_rotateCredentials_writesTheStoredSettingsWithNewSecrets() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(okJson(stored().toString())));
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTOR)).willReturn(okJson(stored().toString())));

        ConnectResult result = client.connect(spec(), ConnectOptions.builder().rotateCredentials(true).build());

        assertThat(result.change()).isEqualTo(ConnectResult.Change.UPDATED);
        assertThat(result.changedSettings()).containsExactly("credentials");
        sandbox.server.verify(1, putRequestedFor(urlPathEqualTo(CONNECTOR)));
    }

    @Test
    void connect_registerProviders_postsRegisterForTheUnregisteredOne() {
        sandbox.server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft.HybridConnectivity"))
            .willReturn(okJson("{\"registrationState\":\"NotRegistered\"}")));
        sandbox.server.stubFor(post(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft.HybridConnectivity/register"))
            .willReturn(okJson("{\"registrationState\":\"Registered\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(okJson(stored().toString())));

        ConnectResult result = client.connect(spec(), ConnectOptions.builder().registerProviders(true).build());

        assertThat(result.providers()).filteredOn(p -> p.registeredNow()).singleElement()
            .satisfies(p -> assertThat(p.namespace()).isEqualTo("Microsoft.HybridConnectivity"));
    }

    @Test
    void statusAndDisconnect_absentConnector_reportNotExistingAndSucceed() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(aResponse().withStatus(404)));
        sandbox.server.stubFor(delete(urlPathEqualTo(CONNECTOR)).willReturn(aResponse().withStatus(204)));

        ConnectorStatus status = client.status(spec());

        assertThat(status.exists()).isFalse();
        assertThat(client.disconnect(spec())).isFalse();
    }

    /** The connector as Azure would store the spec: display-name region, secrets withheld, states valid. */
    private static JsonNode stored() {
        ObjectNode body = ArmSandbox.exampleResponse("connectors-put-assume-role.json", 200).deepCopy();
        ObjectNode hybrid = (ObjectNode) body.at("/properties/hybridComputeSettings");
        hybrid.put("resourceGroupName", "arc-machines").put("region", "West US 2");
        hybrid.putObject("proxyServer").put("ip", "proxy.corp.example").put("port", "3128");
        ((ObjectNode) body.at("/properties/authenticationDetails")).put("awsAssumeRoleArn", ROLE)
            .put("accountId", "812315696580");
        return body;
    }

    private static ConnectorSpec spec() {
        return ConnectorSpec.builder()
            .displayName("aws_dev2")
            .subscriptionId(SUBSCRIPTION)
            .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .awsAccountId("812315696580")
            .authentication(AwsAuthentication.assumeRole(ROLE))
            .arc(ArcSettings.builder()
                .resourceGroup("arc-machines")
                .azureRegion("westus2")
                .servicePrincipalId("ad9bcd79-be9c-45ab-abd8-80ca1654a7d1")
                .servicePrincipalSecret(Secret.of("sp-secret-value"))
                .proxy(URI.create("http://proxy.corp.example:3128"))
                .build())
            .build();
    }

    /** The AWS side, which these tests never reach. */
    private static final class NoAws implements AwsSide {

        @Override
        public AccountPort account() {
            throw new UnsupportedOperationException("not used by connector calls");
        }

        @Override
        public FleetPort fleet() {
            throw new UnsupportedOperationException("not used by connector calls");
        }

        @Override
        public FindingsPort findings() {
            throw new UnsupportedOperationException("not used by connector calls");
        }

        @Override
        public void close() {
        }
    }
}
