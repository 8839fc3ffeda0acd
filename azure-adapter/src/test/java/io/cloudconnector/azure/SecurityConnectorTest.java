package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The current connector ({@code Microsoft.Security/securityConnectors}) against the published examples. */
class SecurityConnectorTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "a5caac9c-5c04-49af-b3d0-e204f40345d5";
    private static final String CONNECTOR = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/exampleResourceGroup"
        + "/providers/Microsoft.Security/securityConnectors/exampleSecurityConnectorName";
    private static final String ROLE = "arn:aws:iam::00000000:role/ASCMonitor";

    @Test
    void put_update_carriesEveryFieldOfThePublishedExampleAndTheArcOffering() {
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTOR))
            .willReturn(okJson(ArmSandbox.exampleResponse("security-connector-put.json", 200).toString())));

        adapter.connectors().put(ConnectorResource.builder()
            .key(ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup", "exampleSecurityConnectorName"))
            .etag("etag value (must be supplied for update)")
            .awsAccountId("exampleHierarchyId")
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .roleArn(ROLE)
            .arcRegion("Central US")
            .scanInterval(Duration.ofHours(4))
            .autoProvision(true)
            .proxy(URI.create("http://10.0.0.1:3128"))
            .regions(List.of("us-east-1", "eu-west-1"))
            .build());

        JsonNode sent = ArmSandbox.parse(sandbox.server.findAll(putRequestedFor(urlPathEqualTo(CONNECTOR))).get(0)
            .getBodyAsString());
        JsonNode published = ArmSandbox.fixture("azure-examples/security-connector-put.json")
            .path("parameters").path("securityConnector");
        assertContains(sent, published, "");
        assertThat(sent.at("/properties/environmentData/regions").toString())
            .isEqualTo("[\"us-east-1\",\"eu-west-1\"]");
        JsonNode servers = sent.at("/properties/offerings/1");
        assertThat(servers.path("offeringType").asText()).isEqualTo("DefenderForServersAws");
        assertThat(servers.at("/defenderForServers/cloudRoleArn").asText()).isEqualTo(ROLE);
        assertThat(servers.at("/arcAutoProvisioning/enabled").asBoolean()).isTrue();
        assertThat(servers.at("/arcAutoProvisioning/cloudRoleArn").asText()).isEqualTo(ROLE);
        assertThat(servers.at("/arcAutoProvisioning/configuration/proxy").asText()).isEqualTo("http://10.0.0.1:3128");
    }

    @Test
    void put_keepsOfferingsItDoesNotManage() {
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTOR))
            .willReturn(okJson(ArmSandbox.exampleResponse("security-connector-put.json", 200).toString())));

        adapter.connectors().put(ConnectorResource.builder()
            .key(ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup", "exampleSecurityConnectorName"))
            .awsAccountId("123456789012").roleArn(ROLE).arcRegion("centralus")
            .otherOfferings(List.of("{\"offeringType\":\"DefenderCspmAws\",\"vmScanners\":{\"enabled\":true}}"))
            .build());

        JsonNode sent = ArmSandbox.parse(sandbox.server.findAll(putRequestedFor(urlPathEqualTo(CONNECTOR))).get(0)
            .getBodyAsString());
        assertThat(sent.at("/properties/offerings/2").toString())
            .isEqualTo("{\"offeringType\":\"DefenderCspmAws\",\"vmScanners\":{\"enabled\":true}}");
        assertThat(sent.has("etag")).isFalse();
    }

    @Test
    void get_publishedResponse_readsAccountRoleAndScanInterval() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTOR)).willReturn(okJson(
            ArmSandbox.exampleResponse("security-connectors-list.json", 200).path("value").get(0).toString())));

        ConnectorResource read = adapter.connectors()
            .get(ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup", "exampleSecurityConnectorName"))
            .orElseThrow();

        assertThat(read.awsAccountId()).contains("exampleHierarchyId");
        assertThat(read.roleArn()).contains(ROLE);
        assertThat(read.scanInterval()).contains(Duration.ofHours(4));
        assertThat(read.etag()).contains("etag value");
        assertThat(read.arcRegion()).contains("Central US");
        assertThat(read.otherOfferings()).isEmpty();
    }

    @Test
    void list_publishedSubscriptionList_keepsAwsAndSkipsGithubAzureDevOpsAndGcp() {
        sandbox.server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft.Security/securityConnectors"))
            .willReturn(okJson(ArmSandbox.exampleResponse("security-connectors-list.json", 200).toString())));

        List<ConnectorResource> connectors = adapter.connectors().list(ConnectorGeneration.CURRENT, SUBSCRIPTION);

        assertThat(connectors).extracting(ConnectorResource::key).containsExactly(
            ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup1", "exampleSecurityConnectorAws"),
            ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup2", "exampleSecurityConnectorAwsOrganization"));
    }

    @Test
    void delete_absent_answers204AndReportsNothingDeleted() {
        sandbox.server.stubFor(delete(urlPathEqualTo(CONNECTOR))
            .willReturn(aResponse().withStatus(204)));

        assertThat(adapter.connectors().delete(
            ConnectorKey.current(SUBSCRIPTION, "exampleResourceGroup", "exampleSecurityConnectorName"))).isFalse();
    }

    /** Every field of {@code expected} is in {@code actual} with the same value. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(actual.has(field.getKey())).as(path + "/" + field.getKey()).isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), path + "/" + field.getKey());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "/" + i);
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
