package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resource groups and role assignments of the sandbox's ARM, over HTTPS with java.net.http. */
class AccessControlProtocolTest {

    private static final String GROUPS_API = "?api-version=2021-04-01";
    private static final String ROLES_API = "?api-version=2022-04-01";
    private static final String ROLE_GUID = "b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";
    private static final String OTHER_PRINCIPAL = "00000000-0000-0000-0000-00000000e001";

    private CloudSandbox sandbox;
    private ArmTestClient client;
    private String bearer;
    private String subscription;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void resourceGroups_seededOneReadAndNewOneMadeOnce() {
        start(CloudSandbox.builder());
        SandboxSeed.Azure azure = sandbox.seed().azure();

        JsonNode seeded = ArmTestClient.read(client.send("GET", group(azure.resourceGroup()) + GROUPS_API, null,
            bearer).body());
        HttpResponse<String> absent = client.send("GET", group("arc-new") + GROUPS_API, null, bearer);
        HttpResponse<String> created = client.send("PUT", group("arc-new") + GROUPS_API,
            "{\"location\":\"West US 2\"}", bearer);
        HttpResponse<String> again = client.send("PUT", group("ARC-NEW") + GROUPS_API, "{\"location\":\"westus2\","
            + "\"tags\":{\"owner\":\"ops\"}}", bearer);
        HttpResponse<String> moved = client.send("PUT", group("arc-new") + GROUPS_API, "{\"location\":\"eastus\"}",
            bearer);

        assertThat(seeded.get("location").asText()).isEqualTo(azure.location());
        assertThat(seeded.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(ArmTestClient.read(absent.body()).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(ArmTestClient.read(moved.body()).at("/error/code").asText())
            .isEqualTo("InvalidResourceGroupLocation");
        assertThat(sandbox.resourceGroups()).containsExactly(
            new SandboxSeed.ResourceGroup(azure.resourceGroup(), azure.location(), Map.of()),
            new SandboxSeed.ResourceGroup("arc-new", "westus2", Map.of("owner", "ops")));
    }

    @Test
    void putRoleAssignment_principalUnknownThenCreatedThenAgain_isNotFoundCreatedThenExists() {
        start(CloudSandbox.builder());
        String principal = OTHER_PRINCIPAL;
        HttpResponse<String> unknown = client.send("PUT", assignment(groupScope(), newName()) + ROLES_API,
            body(principal), bearer);
        principal = newServicePrincipal();

        HttpResponse<String> created = client.send("PUT", assignment(groupScope(), newName()) + ROLES_API,
            body(principal), bearer);
        HttpResponse<String> duplicate = client.send("PUT", assignment(groupScope(), newName()) + ROLES_API,
            body(principal), bearer);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ArmTestClient.read(unknown.body()).at("/error/code").asText()).isEqualTo("PrincipalNotFound");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ArmTestClient.read(created.body()).at("/properties/scope").asText()).isEqualTo(groupScope());
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(ArmTestClient.read(duplicate.body()).at("/error/code").asText()).isEqualTo("RoleAssignmentExists");
        assertThat(sandbox.roleAssignments()).singleElement().satisfies(a -> {
            assertThat(a.principalId()).isEqualTo(ArmTestClient.read(created.body()).at("/properties/principalId")
                .asText());
            assertThat(a.scope()).isEqualTo(groupScope());
        });
    }

    @Test
    void putRoleAssignment_principalPropagationDelay_isNotFoundForThatManyAttempts() {
        start(CloudSandbox.builder().principalPropagationDelay(2));
        String principal = newServicePrincipal();
        String name = newName();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.send("PUT", assignment(groupScope(), name) + ROLES_API, body(principal), bearer)
                .statusCode());
        }

        assertThat(statuses).containsExactly(400, 400, 201);
    }

    @Test
    void putRoleAssignment_inAResourceGroupThatDoesNotExist_isResourceGroupNotFound() {
        start(CloudSandbox.builder());
        String principal = newServicePrincipal();

        HttpResponse<String> response = client.send("PUT", assignment("/subscriptions/" + subscription
            + "/resourceGroups/missing", newName()) + ROLES_API, body(principal), bearer);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ArmTestClient.read(response.body()).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void listRoleAssignments_principalFilter_holdsThoseAtAboveAndBelowTheScopeOverPages() {
        SandboxSeed seed = SandboxSeed.defaultSeed();
        String sub = "/subscriptions/" + seed.azure().subscriptionId();
        String rg = sub + "/resourceGroups/" + seed.azure().resourceGroup();
        String principal = "00000000-0000-0000-0000-00000000e002";
        start(CloudSandbox.builder().seed(seed.withAzure(seed.azure().withRoleAssignments(List.of(
            seeded("00000000-0000-0000-0000-0000000000a1", sub, principal),
            seeded("00000000-0000-0000-0000-0000000000a2", rg, principal),
            seeded("00000000-0000-0000-0000-0000000000a3", rg + "/providers/Microsoft.HybridCompute/machines/i-1",
                principal),
            seeded("00000000-0000-0000-0000-0000000000a4", "/", principal),
            seeded("00000000-0000-0000-0000-0000000000a5", sub + "/resourceGroups/other", principal),
            seeded("00000000-0000-0000-0000-0000000000a6", rg, OTHER_PRINCIPAL))))));

        String list = rg + "/providers/Microsoft.Authorization/roleAssignments" + ROLES_API + "&$filter=";

        List<String> names = names(list + URLEncoder.encode("principalId eq '" + principal + "'",
            StandardCharsets.UTF_8).replace("+", "%20"));
        long pages = sandbox.stats().requests("arm:LIST roleAssignments");
        List<String> atScope = names(list + "atScope()");

        assertThat(names).containsExactlyInAnyOrder("00000000-0000-0000-0000-0000000000a1",
            "00000000-0000-0000-0000-0000000000a2", "00000000-0000-0000-0000-0000000000a3",
            "00000000-0000-0000-0000-0000000000a4");
        assertThat(pages).isEqualTo(2);
        assertThat(atScope).containsExactlyInAnyOrder(
            "00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-0000000000a2",
            "00000000-0000-0000-0000-0000000000a4", "00000000-0000-0000-0000-0000000000a6");
    }

    @Test
    void inject_failOnceOnRoleAssignment_writesNothingThenTheNextAttemptSucceeds() {
        start(CloudSandbox.builder());
        String principal = newServicePrincipal();
        InjectedFault fault = sandbox.inject(SandboxFault.on("arm:PUT roleAssignments").serverError());
        String name = newName();

        HttpResponse<String> failed = client.send("PUT", assignment(groupScope(), name) + ROLES_API, body(principal),
            bearer);
        boolean written = !sandbox.roleAssignments().isEmpty();
        HttpResponse<String> retried = client.send("PUT", assignment(groupScope(), name) + ROLES_API, body(principal),
            bearer);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(written).isFalse();
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(fault.fired()).isEqualTo(1);
    }

    /** The names of every assignment of a list, every page read. */
    private List<String> names(String firstPage) {
        List<String> names = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            JsonNode page = ArmTestClient.read(client.send("GET", next, null, bearer).body());
            page.get("value").forEach(a -> names.add(a.get("name").asText()));
            String link = page.path("nextLink").asText(null);
            next = link == null ? null : link.substring(sandbox.armUri().toString().length());
        }
        return names;
    }

    private void start(CloudSandbox.Builder builder) {
        sandbox = builder.start();
        client = new ArmTestClient(sandbox);
        bearer = client.bearer();
        subscription = sandbox.seed().azure().subscriptionId();
    }

    private String newServicePrincipal() {
        String appId = ArmTestClient.read(client.send("POST", "/v1.0/applications", "{\"displayName\":\"arc\"}",
            bearer).body()).get("appId").asText();
        return ArmTestClient.read(client.send("POST", "/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}",
            bearer).body()).get("id").asText();
    }

    private String group(String name) {
        return "/subscriptions/" + subscription + "/resourcegroups/" + name;
    }

    private String groupScope() {
        return sandbox.seed().azure().resourceGroupScope();
    }

    private String body(String principal) {
        return "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + subscription
            + "/providers/Microsoft.Authorization/roleDefinitions/" + ROLE_GUID + "\",\"principalId\":\"" + principal
            + "\",\"principalType\":\"ServicePrincipal\"}}";
    }

    private static String assignment(String scope, String name) {
        return scope + "/providers/Microsoft.Authorization/roleAssignments/" + name;
    }

    private static String newName() {
        return UUID.randomUUID().toString();
    }

    private static SandboxSeed.RoleAssignment seeded(String name, String scope, String principal) {
        return new SandboxSeed.RoleAssignment(name, scope, "/subscriptions/" + SandboxSeed.defaultSeed().azure()
            .subscriptionId() + "/providers/Microsoft.Authorization/roleDefinitions/" + ROLE_GUID, principal, null);
    }
}
