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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.ConnectorKey;
import io.cloudconnector.spi.ConnectorResource;
import io.cloudconnector.spi.ConnectorResource.AuthenticationType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classic connector ({@code Microsoft.Security/connectors}) against the published examples. */
class ClassicConnectorTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String CONNECTORS =
        "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Security/connectors";

    @Test
    void put_assumeRole_sendsThePublishedExampleBodyFieldByField() {
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTORS + "/aws_dev2"))
            .willReturn(okJson(ArmSandbox.exampleResponse("connectors-put-assume-role.json", 200).toString())));

        ConnectorResource written = adapter.connectors().put(ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "aws_dev2"))
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .roleArn("arn:aws:iam::81231569658:role/AscConnector")
            .externalId(SUBSCRIPTION)
            .autoProvision(true)
            .arcResourceGroup("AwsConnectorRG")
            .arcRegion("West US 2")
            .proxy(URI.create("http://167.220.197.140:34"))
            .servicePrincipalId("ad9bcd79-be9c-45ab-abd8-80ca1654a7d1")
            .servicePrincipalSecret(Secret.of("x2yS:FnCHssRkH0@CJY5pATzlEs@r5m."))
            .build());

        LoggedRequest request = onlyPut(CONNECTORS + "/aws_dev2");
        JsonNode published = ArmSandbox.fixture("azure-examples/connectors-put-assume-role.json")
            .path("parameters").path("connectorSetting");
        assertThat(ArmSandbox.parse(request.getBodyAsString())).isEqualTo(published);
        assertThat(request.queryParameter("api-version").firstValue()).isEqualTo("2020-01-01-preview");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ArmSandbox.TOKEN);
        assertThat(sandbox.requestedScopes).contains(sandbox.base() + "/.default");

        assertThat(written.id()).contains(CONNECTORS + "/aws_dev2");
        assertThat(written.authenticationState()).contains("Valid");
        assertThat(written.servicePrincipalState()).contains("Valid");
        assertThat(written.awsAccountId()).contains("81231569658");
        assertThat(written.grantedPermissions()).containsExactly("AWS::AWSSecurityHubReadOnlyAccess",
            "AWS::SecurityAudit", "AWS::AmazonSSMAutomationRole");
        assertThat(written.proxy()).contains(URI.create("http://167.220.197.140:34"));
        assertThat(written.servicePrincipalSecret()).isEmpty();
    }

    @Test
    void put_accessKeys_sendsThePublishedExampleBodyAndReadsNullStringsAsAbsent() {
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTORS + "/aws_dev1"))
            .willReturn(okJson(ArmSandbox.exampleResponse("connectors-put-aws-creds.json", 200).toString())));

        ConnectorResource written = adapter.connectors().put(ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "aws_dev1"))
            .authenticationType(AuthenticationType.ACCESS_KEYS)
            .accessKeyId("AKIAIOSFODNN7EXAMPL2")
            .secretAccessKey(Secret.of("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"))
            .autoProvision(true)
            .arcResourceGroup("AwsConnectorRG")
            .arcRegion("West US 2")
            .proxy(URI.create("http://167.220.197.140:34"))
            .servicePrincipalId("ad9bcd79-be9c-45ab-abd8-80ca1654a7d1")
            .servicePrincipalSecret(Secret.of("x2yS:FnCHssRkH0@CJY5pATzlEs@r5m."))
            .build());

        JsonNode published = ArmSandbox.fixture("azure-examples/connectors-put-aws-creds.json")
            .path("parameters").path("connectorSetting");
        assertThat(ArmSandbox.parse(onlyPut(CONNECTORS + "/aws_dev1").getBodyAsString())).isEqualTo(published);
        assertThat(written.authenticationType()).contains(AuthenticationType.ACCESS_KEYS);
        assertThat(written.accessKeyId()).isEmpty();
        assertThat(written.secretAccessKey()).isEmpty();
        assertThat(written.awsAccountId()).contains("922315681122");
    }

    @Test
    void put_noArcSettings_sendsAutoProvisionOffOnly() {
        sandbox.server.stubFor(put(urlPathEqualTo(CONNECTORS + "/plain"))
            .willReturn(okJson(ArmSandbox.exampleResponse("connectors-put-assume-role.json", 200).toString())));

        adapter.connectors().put(ConnectorResource.builder()
            .key(ConnectorKey.classic(SUBSCRIPTION, "plain"))
            .authenticationType(AuthenticationType.ASSUME_ROLE)
            .roleArn("arn:aws:iam::123456789012:role/AscConnector")
            .externalId(SUBSCRIPTION)
            .build());

        JsonNode body = ArmSandbox.parse(onlyPut(CONNECTORS + "/plain").getBodyAsString());
        assertThat(body.path("properties").path("hybridComputeSettings").toString())
            .isEqualTo("{\"autoProvision\":\"Off\"}");
    }

    @Test
    void get_missingConnector_isEmpty() {
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS + "/absent")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The connector was not found.\"}}")));

        assertThat(adapter.connectors().get(ConnectorKey.classic(SUBSCRIPTION, "absent"))).isEmpty();
    }

    @Test
    void list_twoPages_readsEveryPublishedShapeAndSkipsOtherClouds() {
        String secondPage = CONNECTORS + "/page2";
        sandbox.server.stubFor(get(urlPathEqualTo(CONNECTORS))
            .withQueryParam("api-version", equalTo("2020-01-01-preview"))
            .willReturn(okJson(ArmSandbox.withNextLink(ArmSandbox.exampleResponse("connectors-list.json", 200),
                sandbox.base() + secondPage + "?api-version=2020-01-01-preview&$skipToken=2"))));
        sandbox.server.stubFor(get(urlPathEqualTo(secondPage)).withQueryParam("$skipToken", equalTo("2"))
            .willReturn(okJson(ArmSandbox.fixture("variants/connectors-list-page2.json").toString())));

        List<ConnectorResource> connectors = adapter.connectors().list(ConnectorGeneration.CLASSIC, SUBSCRIPTION);

        assertThat(connectors).extracting(c -> c.key().name())
            .containsExactly("aws_dev1", "aws_dev2", "aws_dev3", "aws_dev4");
        ConnectorResource renamedStates = connectors.get(2);
        assertThat(renamedStates.authenticationState()).contains("IncorrectPolicy");
        assertThat(renamedStates.servicePrincipalState()).contains("Expired");
        assertThat(renamedStates.proxy()).isEmpty();
        assertThat(renamedStates.accessKeyId()).contains("AKIAIOSFODNN7EXAMPL2");
        assertThat(renamedStates.secretAccessKey()).isEmpty();
        assertThat(renamedStates.servicePrincipalSecret()).isEmpty();
        ConnectorResource nestedDraft = connectors.get(3);
        assertThat(nestedDraft.roleArn()).contains("arn:aws:iam::123456789012:role/AscConnector");
        assertThat(nestedDraft.externalId()).contains(SUBSCRIPTION);
        assertThat(nestedDraft.autoProvision()).isFalse();
        assertThat(nestedDraft.arcResourceGroup()).isEqualTo(Optional.empty());
    }

    private static LoggedRequest onlyPut(String path) {
        List<LoggedRequest> requests = sandbox.server.findAll(putRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
