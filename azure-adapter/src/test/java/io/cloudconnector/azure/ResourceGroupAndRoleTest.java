package io.cloudconnector.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudServiceException;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.RoleAssignmentFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resource groups and role assignments through the real azure-core pipeline against WireMock. */
class ResourceGroupAndRoleTest extends ArmSandboxTest {

    private static final String SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private static final String SUBSCRIPTION_SCOPE = "/subscriptions/" + SUBSCRIPTION;
    private static final String GROUP_SCOPE = SUBSCRIPTION_SCOPE + "/resourceGroups/arc-rg";
    private static final String GROUP = SUBSCRIPTION_SCOPE + "/resourcegroups/arc-rg";
    private static final String PRINCIPAL = "00000000-0000-0000-0000-00000000c001";
    private static final String ROLE = SUBSCRIPTION_SCOPE
        + "/providers/Microsoft.Authorization/roleDefinitions/b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";
    private static final String ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";
    private static final String NOT_FOUND = "{\"error\":{\"code\":\"PrincipalNotFound\",\"message\":\"Principal "
        + "00000000000000000000000000c001 does not exist in the directory.\"}}";

    private AzureProvisioningPort port() {
        return adapter.azureProvisioning();
    }

    @Test
    void resourceGroupLocation_presentOrAbsent_isReadFromArm() {
        sandbox.server.stubFor(get(urlPathEqualTo(GROUP)).withQueryParam("api-version", equalTo("2021-04-01"))
            .willReturn(okJson("{\"id\":\"" + GROUP_SCOPE + "\",\"name\":\"arc-rg\",\"location\":\"westus2\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(SUBSCRIPTION_SCOPE + "/resourcegroups/other")).willReturn(
            aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":"
                + "\"Resource group 'other' could not be found.\"}}")));

        assertThat(port().resourceGroupLocation(SUBSCRIPTION, "arc-rg")).contains("westus2");
        assertThat(port().resourceGroupLocation(SUBSCRIPTION, "other")).isEmpty();
    }

    @Test
    void createResourceGroup_absent_isPutWithItsLocation_present_isLeftAlone() {
        sandbox.server.stubFor(get(urlPathEqualTo(GROUP)).inScenario("group").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"ResourceGroupNotFound\"}}")));
        sandbox.server.stubFor(put(urlPathEqualTo(GROUP)).inScenario("group").willSetStateTo("made")
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"arc-rg\",\"location\":\"westus2\"}")));
        sandbox.server.stubFor(get(urlPathEqualTo(GROUP)).inScenario("group").whenScenarioStateIs("made")
            .willReturn(okJson("{\"name\":\"arc-rg\",\"location\":\"westus2\",\"tags\":{\"owner\":\"ops\"}}")));

        port().createResourceGroup(SUBSCRIPTION, "arc-rg", "westus2");
        port().createResourceGroup(SUBSCRIPTION, "arc-rg", "westus2");

        sandbox.server.verify(1, putRequestedFor(urlPathEqualTo(GROUP))
            .withRequestBody(equalToJson("{\"location\":\"westus2\"}")));
    }

    @Test
    void roleAssignments_filteredByPrincipal_keepsThoseAtAndAboveTheScopeOverEveryPage() {
        String list = GROUP_SCOPE + ASSIGNMENTS;
        sandbox.server.stubFor(get(urlPathEqualTo(list)).withQueryParam("$skipToken", equalTo("2"))
            .willReturn(okJson("{\"value\":[" + assignment(GROUP_SCOPE + "/providers/Microsoft.HybridCompute/"
                + "machines/i-1", "a3") + "," + assignment("/providers/Microsoft.Management/managementGroups/root",
                "a4") + "]}")));
        sandbox.server.stubFor(get(urlPathEqualTo(list)).atPriority(10)
            .withQueryParam("$filter", equalTo("principalId eq '" + PRINCIPAL + "'"))
            .withQueryParam("api-version", equalTo("2022-04-01"))
            .willReturn(okJson("{\"value\":[" + assignment(GROUP_SCOPE, "a1") + "," + assignment(SUBSCRIPTION_SCOPE,
                "a2") + "],\"nextLink\":\"" + sandbox.base() + list + "?api-version=2022-04-01&$skipToken=2\"}")));

        List<RoleAssignmentFacts> facts = port().roleAssignments(GROUP_SCOPE, PRINCIPAL);

        assertThat(facts).extracting(RoleAssignmentFacts::scope).containsExactly(GROUP_SCOPE, SUBSCRIPTION_SCOPE,
            "/providers/Microsoft.Management/managementGroups/root");
        assertThat(facts.get(0)).satisfies(fact -> {
            assertThat(fact.id()).isEqualTo(GROUP_SCOPE + ASSIGNMENTS + "/a1");
            assertThat(fact.roleDefinitionId()).isEqualTo(ROLE);
            assertThat(fact.principalId()).isEqualTo(PRINCIPAL);
        });
    }

    @Test
    void roleAssignments_resourceGroupNotMadeYet_areThoseInheritedFromTheSubscription() {
        sandbox.server.stubFor(get(urlPathEqualTo(GROUP_SCOPE + ASSIGNMENTS)).willReturn(aResponse().withStatus(404)
            .withBody("{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'arc-rg' could"
                + " not be found.\"}}")));
        sandbox.server.stubFor(get(urlPathEqualTo(SUBSCRIPTION_SCOPE + ASSIGNMENTS)).willReturn(okJson("{\"value\":["
            + assignment(SUBSCRIPTION_SCOPE, "a2") + "," + assignment(SUBSCRIPTION_SCOPE + "/resourceGroups/other",
            "a5") + "]}")));

        assertThat(port().roleAssignments(GROUP_SCOPE, PRINCIPAL)).extracting(RoleAssignmentFacts::scope)
            .containsExactly(SUBSCRIPTION_SCOPE);
    }

    @Test
    void assignRole_new_isPutUnderANewGuidAsServicePrincipal() {
        sandbox.server.stubFor(put(urlPathMatching(GROUP_SCOPE + ASSIGNMENTS + "/[0-9a-f-]{36}"))
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(assignment(GROUP_SCOPE, "new"))));

        port().assignRole(GROUP_SCOPE, ROLE, PRINCIPAL);

        sandbox.server.verify(1, putRequestedFor(urlPathMatching(GROUP_SCOPE + ASSIGNMENTS + "/[0-9a-f-]{36}"))
            .withQueryParam("api-version", equalTo("2022-04-01"))
            .withRequestBody(equalToJson("{\"properties\":{\"roleDefinitionId\":\"" + ROLE + "\",\"principalId\":\""
                + PRINCIPAL + "\",\"principalType\":\"ServicePrincipal\"}}")));
    }

    @Test
    void assignRole_roleAssignmentExists_returnsNormally() {
        sandbox.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(409).withBody("{\"error\":{\"code\":"
            + "\"RoleAssignmentExists\",\"message\":\"The role assignment already exists.\"}}")));

        port().assignRole(GROUP_SCOPE, ROLE, PRINCIPAL);

        sandbox.server.verify(1, putRequestedFor(anyUrl()));
    }

    @Test
    void assignRole_principalNotFoundTwice_isAskedAgainUnderTheSameNameUntilArmSeesIt() {
        sandbox.server.stubFor(put(anyUrl()).inScenario("propagation").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(400).withBody(NOT_FOUND)).willSetStateTo("once"));
        sandbox.server.stubFor(put(anyUrl()).inScenario("propagation").whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(400).withBody(NOT_FOUND)).willSetStateTo("visible"));
        sandbox.server.stubFor(put(anyUrl()).inScenario("propagation").whenScenarioStateIs("visible")
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(assignment(GROUP_SCOPE, "new"))));

        port().assignRole(GROUP_SCOPE, ROLE, PRINCIPAL);

        List<LoggedRequest> attempts = sandbox.server.findAll(putRequestedFor(anyUrl()));
        assertThat(attempts).hasSize(3).extracting(LoggedRequest::getUrl).containsOnly(attempts.get(0).getUrl());
    }

    @Test
    void assignRole_principalNeverFound_failsAfterThePropagationTimeoutNamingTheSetting() {
        sandbox.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(400).withBody(NOT_FOUND)));

        try (AzureAdapter impatient = sandbox.builder().principalPropagationTimeout(Duration.ofMillis(50))
            .pollInterval(Duration.ofMillis(5)).build()) {
            assertThatThrownBy(() -> impatient.azureProvisioning().assignRole(GROUP_SCOPE, ROLE, PRINCIPAL))
                .isInstanceOfSatisfying(CloudServiceException.class, e -> {
                    assertThat(e.errorCode()).contains("PrincipalNotFound");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageContaining("ARM still did not find service principal " + PRINCIPAL)
                .hasMessageContaining("AzureAdapter.Builder.principalPropagationTimeout");
        }
    }

    @Test
    void assignRole_authorizationFailed_isAccessDeniedNamingTheArmAction() {
        sandbox.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(403).withBody("{\"error\":{\"code\":"
            + "\"AuthorizationFailed\",\"message\":\"The client 'x' does not have authorization to perform action "
            + "'Microsoft.Authorization/roleAssignments/write' over scope '" + GROUP_SCOPE + "'.\"}}")));

        assertThatThrownBy(() -> port().assignRole(GROUP_SCOPE, ROLE, PRINCIPAL))
            .isInstanceOfSatisfying(AccessDeniedException.class, e ->
                assertThat(e.permission()).contains("Microsoft.Authorization/roleAssignments/write"));
    }

    @Test
    void arguments_invalid_areRefusedNamingTheParameterBeforeAnyCall() {
        assertThatThrownBy(() -> port().assignRole(GROUP_SCOPE + "/", ROLE, PRINCIPAL))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("scope must be an Azure scope");
        assertThatThrownBy(() -> port().assignRole(GROUP_SCOPE, "b64e21ea-ac4e-4cdf-9dc9-5b892992bee7", PRINCIPAL))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("roleDefinitionId must be a full role definition ID");
        assertThatThrownBy(() -> port().roleAssignments(GROUP_SCOPE, "app-name"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("principalId must be a GUID");
        assertThatThrownBy(() -> port().createResourceGroup(SUBSCRIPTION, "bad/name", "westus2"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name must be a resource group name");
        assertThatThrownBy(() -> port().resourceGroupLocation("sub", "arc-rg"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("subscriptionId must be a GUID");
        sandbox.server.verify(0, anyRequestedFor(anyUrl()));
    }

    private static String assignment(String scope, String name) {
        return "{\"id\":\"" + scope + ASSIGNMENTS + "/" + name + "\",\"name\":\"" + name + "\",\"type\":"
            + "\"Microsoft.Authorization/roleAssignments\",\"properties\":{\"roleDefinitionId\":\"" + ROLE + "\","
            + "\"principalId\":\"" + PRINCIPAL + "\",\"principalType\":\"ServicePrincipal\",\"scope\":\"" + scope
            + "\"}}";
    }
}
