package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.AssessmentMetadata;
import io.cloudconnector.spi.AssessmentRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arc machines and custom assessments against the published examples. */
class ArcAndAssessmentTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "0980887d-03d6-408c-9566-532f3456804e";
    private static final String MACHINES = "/subscriptions/" + SUBSCRIPTION
        + "/resourceGroups/myResourceGroup/providers/Microsoft.HybridCompute/machines";

    @Test
    void machines_twoPagesWithNullFields_readsEveryMachine() {
        JsonNode published = ArmSandbox.exampleResponse("machines-list.json", 200);
        ObjectNode tagged = published.path("value").get(1).deepCopy();
        tagged.put("name", "i-0abc1234def567890");
        tagged.putObject("tags").put("InstanceId", "i-0abc1234def567890").putNull("Empty");
        ((ObjectNode) tagged.path("properties")).put("status", "Connected").put("osName", "linux");
        sandbox.server.stubFor(get(urlPathEqualTo(MACHINES)).withQueryParam("api-version", equalTo("2022-12-27"))
            .willReturn(okJson(ArmSandbox.withNextLink(published, sandbox.base() + MACHINES + "?page=2"))));
        sandbox.server.stubFor(get(urlPathEqualTo(MACHINES)).withQueryParam("page", equalTo("2"))
            .willReturn(okJson("{\"value\":[" + tagged + "],\"nextLink\":null}")));

        List<ArcMachine> machines = adapter.arc().machines(spec("myResourceGroup"));

        assertThat(machines).extracting(ArcMachine::name)
            .containsExactly("myMachine", "myMachine2", "i-0abc1234def567890");
        assertThat(machines.get(0).status()).isEmpty();
        assertThat(machines.get(0).tags()).isEmpty();
        assertThat(machines.get(2).status()).contains("Connected");
        assertThat(machines.get(2).osName()).contains("linux");
        assertThat(machines.get(2).tags()).containsExactly(Map.entry("InstanceId", "i-0abc1234def567890"));
    }

    @Test
    void machines_resourceGroupMissing_isEmpty() {
        sandbox.server.stubFor(get(urlPathEqualTo(MACHINES)).willReturn(aResponse().withStatus(404).withBody(
            "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'myResourceGroup' could not"
                + " be found.\"}}")));

        assertThat(adapter.arc().machines(spec("myResourceGroup"))).isEmpty();
    }

    @Test
    void putMetadata_sendsTheFieldsOfThePublishedExample() {
        String path = "/subscriptions/" + SUBSCRIPTION
            + "/providers/Microsoft.Security/assessmentMetadata/ca039e75-a276-4175-aebc-bcd41e4b14b7";
        sandbox.server.stubFor(put(urlPathEqualTo(path))
            .willReturn(okJson(ArmSandbox.exampleResponse("assessment-metadata-put.json", 200).toString())));
        JsonNode published = ArmSandbox.fixture("azure-examples/assessment-metadata-put.json")
            .at("/parameters/assessmentMetadata/properties");

        adapter.assessments().putMetadata(SUBSCRIPTION, AssessmentMetadata.builder()
            .name("ca039e75-a276-4175-aebc-bcd41e4b14b7")
            .displayName(published.path("displayName").asText())
            .severity(published.path("severity").asText())
            .description(published.path("description").asText())
            .remediationDescription(published.path("remediationDescription").asText())
            .build());

        JsonNode sent = ArmSandbox.parse(sandbox.server.findAll(putRequestedFor(urlPathEqualTo(path))).get(0)
            .getBodyAsString()).path("properties");
        for (String field : List.of("displayName", "severity", "description", "remediationDescription",
            "assessmentType")) {
            assertThat(sent.path(field)).as(field).isEqualTo(published.path(field));
        }
    }

    @Test
    void putAssessment_sendsThePublishedExampleBody() {
        String resource = "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg/providers"
            + "/Microsoft.Compute/virtualMachineScaleSets/vmss2";
        String path = resource + "/providers/Microsoft.Security/assessments/8bb8be0a-6010-4789-812f-e4d661c4ed0e";
        sandbox.server.stubFor(put(urlPathEqualTo(path))
            .willReturn(okJson(ArmSandbox.exampleResponse("assessment-put.json", 200).toString())));

        adapter.assessments().putAssessment(AssessmentRecord.builder()
            .resourceId(resource.substring(1))
            .metadataName("8bb8be0a-6010-4789-812f-e4d661c4ed0e")
            .statusCode("Healthy").cause("").description("")
            .build());

        assertThat(ArmSandbox.parse(sandbox.server.findAll(putRequestedFor(urlPathEqualTo(path))).get(0)
            .getBodyAsString()))
            .isEqualTo(ArmSandbox.fixture("azure-examples/assessment-put.json").at("/parameters/assessment"));
    }

    @Test
    void listAssessments_keepsOnlyTheMetadataAskedFor() {
        String scope = "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23";
        JsonNode ours = ArmSandbox.exampleResponse("assessment-put.json", 200);
        ObjectNode other = ours.deepCopy();
        other.put("name", "00000000-0000-0000-0000-000000000001");
        sandbox.server.stubFor(get(urlPathEqualTo(scope + "/providers/Microsoft.Security/assessments"))
            .willReturn(okJson("{\"value\":[" + other + "," + ours + "]}")));

        List<AssessmentRecord> records =
            adapter.assessments().listAssessments(scope, "8bb8be0a-6010-4789-812f-e4d661c4ed0e");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.resourceId()).isEqualTo("/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23"
                + "/resourceGroups/myRg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1");
            assertThat(record.statusCode()).isEqualTo("Healthy");
        });
    }

    private static ConnectorSpec spec(String resourceGroup) {
        return ConnectorSpec.builder()
            .displayName("aws-prod")
            .subscriptionId(SUBSCRIPTION)
            .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .awsAccountId("123456789012")
            .authentication(AwsAuthentication.assumeRole("arn:aws:iam::123456789012:role/AscConnector"))
            .arc(ArcSettings.builder().resourceGroup(resourceGroup).azureRegion("westus2")
                .servicePrincipalId("ad9bcd79-be9c-45ab-abd8-80ca1654a7d1")
                .servicePrincipalSecret(Secret.of("sp-secret")).build())
            .build();
    }
}
