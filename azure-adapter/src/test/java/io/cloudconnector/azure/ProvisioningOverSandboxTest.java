package io.cloudconnector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.spi.AzureProvisioningPort;
import io.cloudconnector.spi.CreatedClientSecret;
import io.cloudconnector.spi.EntraApplication;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.RoleAssignmentFacts;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.InjectedFault;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.StandardError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provisioning's Azure side end to end over the testkit's sandbox: the service principal of Arc onboarding made in
 * an empty tenant, its secret signing in, its role granted once ARM sees it, and faults on the new operations.
 */
class ProvisioningOverSandboxTest {

    private static final String ONBOARDING_ROLE = "b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";

    @Test
    void provisioning_fromAnEmptyTenant_makesAServicePrincipalThatSignsInAndHoldsItsRole() {
        try (CloudSandbox sandbox = CloudSandbox.builder().principalPropagationDelay(2).start();
             AzureAdapter adapter = adapter(sandbox.endpoints())) {
            SandboxSeed.Azure azure = sandbox.seed().azure();
            AzureProvisioningPort port = adapter.azureProvisioning();
            String role = "/subscriptions/" + azure.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/" + ONBOARDING_ROLE;

            assertThat(port.applications("Arc onboarding")).isEmpty();
            EntraApplication app = port.createApplication("Arc onboarding");
            assertThat(port.servicePrincipal(app.appId())).isEmpty();
            EntraServicePrincipal principal = port.createServicePrincipal(app.appId());
            CreatedClientSecret secret = port.addClientSecret(app.objectId(), "arc", Instant.now().plus(
                Duration.ofDays(365)));
            port.assignRole(azure.resourceGroupScope(), role, principal.objectId());
            port.assignRole(azure.resourceGroupScope(), role, principal.objectId());

            assertThat(port.applications("Arc onboarding")).singleElement()
                .satisfies(read -> assertThat(read.secretExpiries()).containsExactly(secret.expiresAt()));
            assertThat(port.servicePrincipal(app.appId())).contains(principal);
            assertThat(port.roleAssignments(azure.resourceGroupScope(), principal.objectId()))
                .extracting(RoleAssignmentFacts::roleDefinitionId).containsExactly(role);
            assertThat(sandbox.roleAssignments()).hasSize(1);
            assertThat(sandbox.stats().requests("arm:PUT roleAssignments")).isEqualTo(4);
            assertThat(port.resourceGroupLocation(azure.subscriptionId(), azure.resourceGroup()))
                .contains(azure.location());
            try (AzureAdapter onboarding = adapter(CloudEndpoints.builder().from(sandbox.endpoints())
                .azureClientId(app.appId()).azureClientSecret(secret.value()).build())) {
                assertThat(onboarding.azureProvisioning().resourceGroupLocation(azure.subscriptionId(),
                    azure.resourceGroup())).contains(azure.location());
            }
        }
    }

    @Test
    void applications_manyWithOneName_areReadOverEveryGraphPage() {
        try (CloudSandbox sandbox = CloudSandbox.builder().graphPageSize(2).start();
             AzureAdapter adapter = adapter(sandbox.endpoints())) {
            for (int i = 0; i < 5; i++) {
                adapter.azureProvisioning().createApplication("Arc 'prod'");
            }
            adapter.azureProvisioning().createApplication("Arc 'test'");

            List<EntraApplication> found = adapter.azureProvisioning().applications("Arc 'prod'");

            assertThat(found).hasSize(5).extracting(EntraApplication::objectId).doesNotHaveDuplicates();
            assertThat(sandbox.stats().requests("graph:LIST applications")).isEqualTo(3);
        }
    }

    @Test
    void createResourceGroup_absentFromTheSeed_isMadeInItsLocation() {
        SandboxSeed seed = SandboxSeed.defaultSeed();
        SandboxSeed bare = seed.withAzure(seed.azure().withResourceGroups(List.of()));
        try (CloudSandbox sandbox = CloudSandbox.start(bare); AzureAdapter adapter = adapter(sandbox.endpoints())) {
            String subscription = bare.azure().subscriptionId();

            assertThat(adapter.azureProvisioning().resourceGroupLocation(subscription, "arc-machines")).isEmpty();
            adapter.azureProvisioning().createResourceGroup(subscription, "arc-machines", "West Europe");

            assertThat(sandbox.resourceGroups()).containsExactly(new SandboxSeed.ResourceGroup("arc-machines",
                "westeurope", Map.of()));
        }
    }

    @Test
    void assignRole_deniedOnceByAnInjectedFault_isAccessDeniedAndWritesNothing() {
        try (CloudSandbox sandbox = CloudSandbox.start(); AzureAdapter adapter = adapter(sandbox.endpoints())) {
            SandboxSeed.Azure azure = sandbox.seed().azure();
            AzureProvisioningPort port = adapter.azureProvisioning();
            EntraServicePrincipal principal = port.createServicePrincipal(port.createApplication("arc").appId());
            String role = "/subscriptions/" + azure.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/" + ONBOARDING_ROLE;
            InjectedFault denied = sandbox.inject(SandboxFault.on("arm:PUT roleAssignments").accessDenied());

            assertThatThrownBy(() -> port.assignRole(azure.resourceGroupScope(), role, principal.objectId()))
                .isInstanceOf(AccessDeniedException.class);
            assertThat(denied.fired()).isEqualTo(1);
            assertThat(sandbox.roleAssignments()).isEmpty();
            port.assignRole(azure.resourceGroupScope(), role, principal.objectId());
            assertThat(sandbox.roleAssignments()).hasSize(1);
        }
    }

    @Test
    void createApplication_graphForbidden_isAccessDeniedNamingThePermission() {
        try (CloudSandbox sandbox = CloudSandbox.start(); AzureAdapter adapter = adapter(sandbox.endpoints())) {
            sandbox.inject(SandboxFault.on("graph:POST applications").accessDenied());

            assertThatThrownBy(() -> adapter.azureProvisioning().createApplication("arc"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.permission()).contains("Application.ReadWrite.All"));
            assertThat(sandbox.applications()).isEmpty();
        }
    }

    @Test
    void provisioning_logsAtTrace_holdNoneOfTheSecretsTheSandboxKnowsOrHandedOut() {
        try (CloudSandbox sandbox = CloudSandbox.start(); AzureAdapter adapter = adapter(sandbox.endpoints())) {
            AzureProvisioningPort port = adapter.azureProvisioning();
            SandboxSeed.Azure azure = sandbox.seed().azure();

            String logs = StandardError.during(() -> {
                EntraApplication app = port.createApplication("arc");
                port.addClientSecret(app.objectId(), "arc", Instant.now().plus(Duration.ofDays(30)));
                port.assignRole(azure.resourceGroupScope(), "/subscriptions/" + azure.subscriptionId()
                    + "/providers/Microsoft.Authorization/roleDefinitions/" + ONBOARDING_ROLE,
                    port.createServicePrincipal(app.appId()).objectId());
            });

            assertThat(logs).contains("Graph POST /v1.0/applications -> 201");
            assertThat(sandbox.applications()).singleElement()
                .satisfies(app -> assertThat(app.secrets()).hasSize(1));
            assertThat(sandbox.secrets()).contains(sandbox.applications().get(0).secrets().get(0).value())
                .allSatisfy(secret -> assertThat(logs).doesNotContain(secret));
        }
    }

    private static AzureAdapter adapter(CloudEndpoints endpoints) {
        return AzureAdapter.builder().endpoints(endpoints).pollInterval(Duration.ZERO).build();
    }
}
