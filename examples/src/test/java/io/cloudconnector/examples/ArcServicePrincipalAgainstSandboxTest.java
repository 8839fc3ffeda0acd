package io.cloudconnector.examples;

import static io.cloudconnector.examples.ProvisioningSeeds.SERVICE_PRINCIPAL_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectOptions;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ConnectorStatus.ServicePrincipalState;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.Secret;
import io.cloudconnector.ServicePrincipalCredentials;
import io.cloudconnector.SpecJson;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.InjectedFault;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.StandardError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service principal of Azure Arc onboarding at scale, provisioned through a {@link ConnectorClient} with the real
 * AWS and Azure adapters against the sandbox: plans read the tenant and the subscription, apply writes them through
 * Microsoft Graph and ARM, the next plan reads what apply wrote, and the secret created signs in.
 */
class ArcServicePrincipalAgainstSandboxTest {

    private static final String ONBOARDING_ROLE = "b64e21ea-ac4e-4cdf-9dc9-5b892992bee7";
    private static final ProvisioningOptions SERVICE_PRINCIPAL = ProvisioningOptions.builder()
        .createServicePrincipal(true).build();

    private CloudSandbox sandbox;
    private ConnectorClient client;
    private ConnectorSpec spec;

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void bareTenant_planApplyAndPlanAgain_createsEverythingOnceInOrder() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        SandboxSeed.Azure azure = sandbox.seed().azure();
        String group = azure.resourceGroup();

        ProvisioningPlan plan = client.plan(spec, SERVICE_PRINCIPAL);
        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan again = client.plan(spec, SERVICE_PRINCIPAL);

        assertThat(azureActions(plan)).extracting(ProvisioningAction::operation, ProvisioningAction::resource)
            .containsExactly(
                tuple(Operation.REGISTER_PROVIDER, "azure/provider/Microsoft.HybridCompute"),
                tuple(Operation.REGISTER_PROVIDER, "azure/provider/Microsoft.GuestConfiguration"),
                tuple(Operation.REGISTER_PROVIDER, "azure/provider/Microsoft.HybridConnectivity"),
                tuple(Operation.CREATE_RESOURCE_GROUP, "azure/resourceGroup/" + group),
                tuple(Operation.CREATE_APPLICATION, "entra/application/" + SERVICE_PRINCIPAL_NAME),
                tuple(Operation.CREATE_SERVICE_PRINCIPAL, "entra/servicePrincipal/" + SERVICE_PRINCIPAL_NAME),
                tuple(Operation.CREATE_CLIENT_SECRET, "entra/application/" + SERVICE_PRINCIPAL_NAME),
                tuple(Operation.ASSIGN_ROLE, "azure/roleAssignment/" + group + "/Azure Connected Machine Onboarding"));
        assertThat(result.succeeded()).isTrue();
        ServicePrincipalCredentials credentials = result.servicePrincipal().orElseThrow();
        assertThat(sandbox.applications()).singleElement().satisfies(app -> {
            assertThat(app.displayName()).isEqualTo(SERVICE_PRINCIPAL_NAME);
            assertThat(app.appId()).isEqualTo(credentials.clientId());
            assertThat(app.servicePrincipalId()).hasValue(credentials.objectId());
            assertThat(app.secrets()).singleElement().satisfies(secret -> {
                assertThat(secret.value()).isEqualTo(credentials.secret().reveal());
                assertThat(secret.expiresAt()).isEqualTo(credentials.expiresAt());
            });
        });
        assertThat(sandbox.resourceGroups()).containsExactly(new SandboxSeed.ResourceGroup(group, azure.location(),
            Map.of()));
        assertThat(sandbox.roleAssignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.scope()).isEqualTo(azure.resourceGroupScope());
            assertThat(assignment.roleDefinitionId()).endsWith("/roleDefinitions/" + ONBOARDING_ROLE);
            assertThat(assignment.principalId()).isEqualTo(credentials.objectId());
        });
        assertThat(again.actions()).isEmpty();
    }

    @Test
    void bareTenant_specWithTheProvisionedServicePrincipal_signsInAsIt() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        ProvisioningResult result = client.apply(client.plan(spec, SERVICE_PRINCIPAL));

        ConnectorSpec prepared = result.withProvisionedServicePrincipal(result.withProvisionedRole(spec));

        ArcSettings arc = prepared.arc().orElseThrow();
        SandboxSeed.Azure azure = sandbox.seed().azure();
        assertThat(arc.servicePrincipalId()).isEqualTo(result.servicePrincipal().orElseThrow().clientId())
            .isNotEqualTo(azure.arcServicePrincipalId());
        assertThat(arc.resourceGroup()).isEqualTo(azure.resourceGroup());
        assertThat(arc.azureRegion()).isEqualTo(azure.location());
        CloudEndpoints asServicePrincipal = CloudEndpoints.builder().from(sandbox.endpoints())
            .azureClientId(arc.servicePrincipalId()).azureClientSecret(arc.servicePrincipalSecret()).build();
        sandbox.resetStats();
        try (AzureAdapter onboarding = AzureAdapter.create(asServicePrincipal)) {
            assertThat(onboarding.azureProvisioning().resourceGroupLocation(azure.subscriptionId(),
                arc.resourceGroup())).contains(azure.location());
        }
        assertThat(sandbox.stats().requests("entra:POST token")).isEqualTo(1);
        CloudEndpoints wrongSecret = CloudEndpoints.builder().from(asServicePrincipal)
            .azureClientSecret(Secret.of("not-the-secret")).build();
        try (AzureAdapter impostor = AzureAdapter.create(wrongSecret)) {
            assertThatThrownBy(() -> impostor.azureProvisioning().resourceGroupLocation(azure.subscriptionId(),
                arc.resourceGroup())).isInstanceOf(ConnectorException.class);
        }
    }

    @Test
    void bareTenant_connectorWithTheProvisionedServicePrincipal_azureAcceptsIt() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        ProvisioningResult result = client.apply(client.plan(spec, SERVICE_PRINCIPAL));
        ConnectorSpec prepared = result.withProvisionedServicePrincipal(result.withProvisionedRole(spec));

        client.connect(prepared, ConnectOptions.builder().registerProviders(true).build());

        assertThat(client.status(prepared).servicePrincipalState()).contains(ServicePrincipalState.VALID);
    }

    @Test
    void applicationWithoutServicePrincipal_planCreatesTheRestButNotTheApplication() {
        SandboxSeed.Application seeded = ProvisioningSeeds.application(1, SERVICE_PRINCIPAL_NAME);
        start(CloudSandbox.builder().seed(ProvisioningSeeds.withApplications(seeded)));

        ProvisioningPlan plan = client.plan(spec, SERVICE_PRINCIPAL);
        ProvisioningResult result = client.apply(plan);

        assertThat(azureActions(plan)).extracting(ProvisioningAction::operation).containsExactly(
            Operation.REGISTER_PROVIDER, Operation.CREATE_SERVICE_PRINCIPAL, Operation.CREATE_CLIENT_SECRET,
            Operation.ASSIGN_ROLE);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.servicePrincipal()).hasValueSatisfying(credentials -> assertThat(credentials.clientId())
            .isEqualTo(seeded.appId()));
        assertThat(sandbox.applications()).singleElement().satisfies(app -> {
            assertThat(app.objectId()).isEqualTo(seeded.objectId());
            assertThat(app.servicePrincipalId()).isPresent();
            assertThat(app.secrets()).hasSize(1);
        });
        assertThat(client.plan(spec, SERVICE_PRINCIPAL).actions()).isEmpty();
    }

    @Test
    void twoApplicationsWithTheName_areAConflict_andNothingHangingOnThemIsPlannedOrWritten() {
        SandboxSeed.Application first = ProvisioningSeeds.application(1, SERVICE_PRINCIPAL_NAME);
        SandboxSeed.Application second = ProvisioningSeeds.application(2, SERVICE_PRINCIPAL_NAME);
        start(CloudSandbox.builder().seed(ProvisioningSeeds.withApplications(first, second)));

        ProvisioningPlan plan = client.plan(spec, SERVICE_PRINCIPAL);
        ProvisioningResult result = client.apply(plan);

        assertThat(plan.conflicts()).filteredOn(conflict -> conflict.resource().startsWith("entra/"))
            .singleElement().satisfies(conflict -> {
                assertThat(conflict.resource()).isEqualTo("entra/application/" + SERVICE_PRINCIPAL_NAME);
                assertThat(conflict.description()).contains(first.appId()).contains(second.appId());
            });
        assertThat(azureActions(plan)).extracting(ProvisioningAction::operation)
            .containsExactly(Operation.REGISTER_PROVIDER);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.servicePrincipal()).isEmpty();
        assertThat(sandbox.applications()).containsExactly(first, second);
        assertThat(sandbox.roleAssignments()).isEmpty();
        assertThat(client.plan(spec, SERVICE_PRINCIPAL).conflicts()).extracting(ProvisioningConflict::resource)
            .contains("entra/application/" + SERVICE_PRINCIPAL_NAME);
    }

    @Test
    void roleAssignmentDenied_secretKept_nextPlanShowsExactlyTheRoleAssignment() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        InjectedFault denied = sandbox.inject(SandboxFault.on("arm:PUT roleAssignments").accessDenied());
        ProvisioningPlan plan = client.plan(spec, SERVICE_PRINCIPAL);

        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan rest = client.plan(spec, SERVICE_PRINCIPAL);

        assertThat(denied.fired()).isEqualTo(1);
        ProvisioningOutcome failure = result.failure().orElseThrow();
        assertThat(failure.action().operation()).isEqualTo(Operation.ASSIGN_ROLE);
        int failed = result.outcomes().indexOf(failure);
        assertThat(result.outcomes().subList(0, failed)).extracting(ProvisioningOutcome::status)
            .containsOnly(Status.DONE);
        assertThat(result.outcomes().subList(0, failed)).extracting(outcome -> outcome.action().operation())
            .contains(Operation.CREATE_APPLICATION, Operation.CREATE_SERVICE_PRINCIPAL, Operation.CREATE_CLIENT_SECRET);
        // The role assignment is the plan's last action: nothing is left unattempted after it.
        assertThat(result.outcomes().subList(failed + 1, result.outcomes().size())).isEmpty();
        assertThat(result.servicePrincipal()).hasValueSatisfying(credentials -> assertThat(sandbox.applications())
            .singleElement().satisfies(app -> assertThat(app.secrets()).singleElement()
                .satisfies(secret -> assertThat(secret.value()).isEqualTo(credentials.secret().reveal()))));
        assertThat(rest.actions()).extracting(ArcServicePrincipalAgainstSandboxTest::write)
            .containsExactlyElementsOf(result.outcomes().subList(failed, result.outcomes().size()).stream()
                .map(outcome -> write(outcome.action())).toList());
        assertThat(client.apply(rest).succeeded()).isTrue();
        assertThat(sandbox.roleAssignments()).hasSize(1);
        assertThat(client.plan(spec, SERVICE_PRINCIPAL).actions()).isEmpty();
    }

    @Test
    void servicePrincipalCreationDenied_restNotAttempted_nextPlanShowsExactlyTheRest() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        InjectedFault denied = sandbox.inject(SandboxFault.on("graph:POST servicePrincipals").accessDenied());
        ProvisioningPlan plan = client.plan(spec, SERVICE_PRINCIPAL);

        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan rest = client.plan(spec, SERVICE_PRINCIPAL);

        assertThat(denied.fired()).isEqualTo(1);
        ProvisioningOutcome failure = result.failure().orElseThrow();
        assertThat(failure.action().operation()).isEqualTo(Operation.CREATE_SERVICE_PRINCIPAL);
        int failed = result.outcomes().indexOf(failure);
        assertThat(result.outcomes().subList(0, failed)).extracting(ProvisioningOutcome::status)
            .containsOnly(Status.DONE);
        assertThat(result.outcomes().subList(failed + 1, result.outcomes().size()))
            .extracting(outcome -> outcome.action().operation(), ProvisioningOutcome::status)
            .containsExactly(tuple(Operation.CREATE_CLIENT_SECRET, Status.NOT_ATTEMPTED),
                tuple(Operation.ASSIGN_ROLE, Status.NOT_ATTEMPTED));
        assertThat(result.servicePrincipal()).isEmpty();
        assertThat(sandbox.applications()).singleElement()
            .satisfies(app -> assertThat(app.servicePrincipalId()).isEmpty());
        assertThat(rest.actions()).extracting(ArcServicePrincipalAgainstSandboxTest::write)
            .containsExactlyElementsOf(result.outcomes().subList(failed, result.outcomes().size()).stream()
                .map(outcome -> write(outcome.action())).toList());
    }

    @Test
    void newPrincipalNotYetSeenByArm_roleAssignmentIsAskedAgainUntilItIs() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()).principalPropagationDelay(2));

        ProvisioningResult result = client.apply(client.plan(spec, SERVICE_PRINCIPAL));

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.stats().requests("arm:PUT roleAssignments")).isEqualTo(3);
        assertThat(sandbox.roleAssignments()).singleElement().satisfies(assignment -> assertThat(
            assignment.principalId()).isEqualTo(result.servicePrincipal().orElseThrow().objectId()));
    }

    @Test
    void clientSecret_created_isNeverLoggedNorRendered() {
        start(CloudSandbox.builder().seed(ProvisioningSeeds.bareTenant()));
        AtomicReference<ProvisioningPlan> plan = new AtomicReference<>();
        AtomicReference<ProvisioningResult> result = new AtomicReference<>();

        String logs = StandardError.during(() -> {
            plan.set(client.plan(spec, SERVICE_PRINCIPAL));
            result.set(client.apply(plan.get()));
        });

        ServicePrincipalCredentials credentials = result.get().servicePrincipal().orElseThrow();
        String secret = credentials.secret().reveal();
        assertThat(secret).isNotBlank();
        assertThat(sandbox.secrets()).contains(secret);
        assertThat(logs).contains("Applied CREATE_CLIENT_SECRET");
        assertThat(sandbox.secrets()).allSatisfy(known -> assertThat(logs).doesNotContain(known));
        ConnectorSpec prepared = result.get().withProvisionedServicePrincipal(spec);
        assertThat(Stream.of(plan.get().toText(), plan.get().toJson(), plan.get().toString(),
            result.get().toText(), result.get().toJson(), result.get().toString(), credentials.toString(),
            prepared.toString(), SpecJson.write(prepared)))
            .allSatisfy(rendering -> assertThat(rendering).doesNotContain(secret));
        assertThat(result.get().toText()).contains(credentials.clientId()).contains(credentials.expiresAt().toString());
        assertThat(SpecJson.writeRevealingSecrets(prepared)).contains(secret);
    }

    /**
     * Starts the sandbox and a client over it; the Azure adapter polls at once and asks a role assignment again for
     * at most 30 seconds while ARM does not see the new principal.
     */
    private void start(CloudSandbox.Builder builder) {
        sandbox = builder.withoutQuota().start();
        client = ConnectorClient.of(AwsAdapter.create(sandbox.endpoints()), AzureAdapter.builder()
            .endpoints(sandbox.endpoints()).pollInterval(Duration.ZERO)
            .principalPropagationTimeout(Duration.ofSeconds(30)).build());
        spec = sandbox.spec();
    }

    private static List<ProvisioningAction> azureActions(ProvisioningPlan plan) {
        return plan.actions().stream().filter(action -> action.resource().startsWith("azure/")
            || action.resource().startsWith("entra/")).toList();
    }

    /** What an action writes where: two plans that both call for it write the same. */
    private static String write(ProvisioningAction action) {
        return action.operation() + " " + action.region().orElse("account") + " " + action.resource() + " "
            + new TreeMap<>(action.parameters());
    }
}
