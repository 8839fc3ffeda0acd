package io.cloudconnector.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ArcSettings;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.EntraServicePrincipal;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArcOnboardingProvisioningTest {

    private static final String SCOPE = "/subscriptions/" + FakeAccount.SUBSCRIPTION + "/resourceGroups/arc-machines";
    private static final String APPLICATION = "entra/application/" + Plans.SP_NAME;
    private static final String PRINCIPAL = "entra/servicePrincipal/" + Plans.SP_NAME;
    private static final String ROLE = "azure/roleAssignment/arc-machines/Azure Connected Machine Onboarding";
    private static final List<String> EVERYTHING = List.of(
        "REGISTER_PROVIDER - azure/provider/Microsoft.HybridCompute",
        "REGISTER_PROVIDER - azure/provider/Microsoft.GuestConfiguration",
        "REGISTER_PROVIDER - azure/provider/Microsoft.HybridConnectivity",
        "CREATE_RESOURCE_GROUP - azure/resourceGroup/arc-machines",
        "CREATE_APPLICATION - " + APPLICATION,
        "CREATE_SERVICE_PRINCIPAL - " + PRINCIPAL,
        "CREATE_CLIENT_SECRET - " + APPLICATION,
        "ASSIGN_ROLE - " + ROLE);

    @Test
    void plan_bareSubscription_plansEverythingAfterTheAwsSideWithTheDocumentedParameters() {
        ProvisioningPlan plan = Plans.planner(new FakeAccount(), new FakeAzure()).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        List<String> steps = Plans.steps(plan);
        assertThat(steps.subList(steps.size() - EVERYTHING.size(), steps.size())).isEqualTo(EVERYTHING);
        assertThat(steps.subList(0, steps.size() - EVERYTHING.size()))
            .noneMatch(step -> step.contains(" azure/") || step.contains(" entra/")).isNotEmpty();
        List<ProvisioningAction> azure = plan.actions().subList(steps.size() - EVERYTHING.size(), steps.size());
        assertThat(azure).extracting(ProvisioningAction::kind).containsExactly(Kind.CHANGE, Kind.CHANGE, Kind.CHANGE,
            Kind.CREATE, Kind.CREATE, Kind.CREATE, Kind.CREATE, Kind.CREATE);
        assertThat(azure).allSatisfy(action -> {
            assertThat(action.region()).isEmpty();
            assertThat(action.accountId()).isEqualTo(FakeAccount.ACCOUNT);
        });
        assertThat(azure.get(0).parameters()).isEqualTo(Map.of("subscriptionId", FakeAccount.SUBSCRIPTION,
            "namespace", "Microsoft.HybridCompute"));
        assertThat(azure.get(3).parameters()).isEqualTo(Map.of("subscriptionId", FakeAccount.SUBSCRIPTION,
            "resourceGroup", "arc-machines", "location", "westus2"));
        assertThat(azure.get(4).parameters()).isEqualTo(Map.of("displayName", Plans.SP_NAME));
        assertThat(azure.get(6).parameters()).isEqualTo(Map.of("displayName", Plans.SP_NAME, "lifetimeDays", "365"));
        assertThat(azure.get(7).parameters()).isEqualTo(Map.of("scope", SCOPE, "roleDefinitionId",
            FakeAzure.ONBOARDING_ROLE, "displayName", Plans.SP_NAME));
        assertThat(plan.servicePrincipalName()).hasValue(Plans.SP_NAME);
        assertThat(plan.arcResourceGroup()).hasValue("arc-machines");
        assertThat(plan.arcRegion()).hasValue("westus2");
    }

    @Test
    void plan_bareSubscription_writesNothing() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();

        Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());

        assertThat(azure.writes).isEmpty();
        assertThat(account.writes).isEmpty();
    }

    @Test
    void apply_bareSubscription_createsEverythingInOrderReturnsTheSecretOnceAndTheNextPlanIsEmpty() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());

        ProvisioningResult result = Plans.applier(account, azure).apply(plan);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.outcomes(Status.DONE)).hasSize(8);
        Instant expiry = Plans.CLOCK.instant().plus(Duration.ofDays(365));
        assertThat(azure.writes).containsExactly("register Microsoft.HybridCompute",
            "register Microsoft.GuestConfiguration", "register Microsoft.HybridConnectivity",
            "createResourceGroup arc-machines westus2", "createApplication " + Plans.SP_NAME,
            "createServicePrincipal " + FakeAzure.guid(201), "addClientSecret " + FakeAzure.guid(101) + " " + expiry,
            "assignRole " + SCOPE + " " + FakeAzure.guid(302));
        assertThat(result.servicePrincipal()).hasValueSatisfying(sp -> {
            assertThat(sp.clientId()).isEqualTo(FakeAzure.guid(201));
            assertThat(sp.objectId()).isEqualTo(FakeAzure.guid(302));
            assertThat(sp.secret().reveal()).isEqualTo(FakeAzure.CLIENT_SECRET);
            assertThat(sp.expiresAt()).isEqualTo(expiry);
        });
        ProvisioningPlan next = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());
        assertThat(next.isEmpty()).isTrue();
        assertThat(next.conflicts()).isEmpty();
    }

    @Test
    void apply_samePlanTwice_writesNothingTheSecondTimeAndReturnsNoSecret() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());
        Plans.applier(account, azure).apply(plan);
        List<String> firstWrites = List.copyOf(azure.writes);

        ProvisioningResult second = Plans.applier(account, azure).apply(plan);

        assertThat(azure.writes).isEqualTo(firstWrites);
        assertThat(second.outcomes()).extracting(ProvisioningOutcome::status).containsOnly(Status.ALREADY_DONE)
            .hasSize(8);
        assertThat(second.servicePrincipal()).isEmpty();
        assertThatThrownBy(() -> second.withProvisionedServicePrincipal(Plans.assumeRoleSpec()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("No client secret was created", "account 123456789012",
                "already had an unexpired secret");
    }

    @Test
    void plan_applicationWithoutPrincipalProvidersPartlyRegistered_plansOnlyWhatIsMissing() {
        FakeAzure azure = new FakeAzure();
        azure.providers.put("Microsoft.HybridCompute", "Registered");
        azure.providers.put("Microsoft.HybridConnectivity", "Registering");
        azure.resourceGroups.put("arc-machines", "eastus");
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 1, Instant.parse("2025-01-01T00:00:00Z")));

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(Plans.steps(plan)).containsExactly(
            "REGISTER_PROVIDER - azure/provider/Microsoft.GuestConfiguration",
            "REGISTER_PROVIDER - azure/provider/Microsoft.HybridConnectivity",
            "CREATE_SERVICE_PRINCIPAL - " + PRINCIPAL,
            "ASSIGN_ROLE - " + ROLE);
        assertThat(plan.actions().get(1).reason()).contains("Microsoft.HybridConnectivity is Registering");
        assertThat(plan.actions().get(2).reason()).isEqualTo("Application " + Plans.SP_NAME + " (client ID "
            + FakeAzure.guid(201) + ") has no service principal");
        assertThat(plan.actions().get(3).kind()).isEqualTo(Kind.CREATE);
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.arcRegion()).hasValue("westus2");
    }

    @Test
    void plan_principalWithTheRoleInheritedAndOnlyAnExpiredSecret_plansANewSecretOnly() {
        FakeAzure azure = halfPrepared(Instant.parse("2024-04-30T00:00:00Z"));
        azure.assignments.add(FakeAzure.assignment("/subscriptions/" + FakeAccount.SUBSCRIPTION,
            FakeAzure.ONBOARDING_ROLE.toUpperCase(Locale.ROOT), FakeAzure.guid(301)));

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(plan.actions()).singleElement().satisfies(action -> {
            assertThat(Plans.step(action)).isEqualTo("CREATE_CLIENT_SECRET - " + APPLICATION);
            assertThat(action.kind()).isEqualTo(Kind.CREATE);
            assertThat(action.reason()).contains("no client secret that is still valid",
                "the last expired at 2024-04-30T00:00:00Z");
        });
    }

    @Test
    void plan_principalWithAnotherRoleOnlyAndAValidSecret_assignsTheRoleAsChangeAndNoSecond() {
        FakeAzure azure = halfPrepared(Instant.parse("2025-04-30T00:00:00Z"));
        azure.assignments.add(FakeAzure.assignment(SCOPE, "/subscriptions/" + FakeAccount.SUBSCRIPTION
            + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
            FakeAzure.guid(301)));

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(plan.actions()).singleElement().satisfies(action -> {
            assertThat(Plans.step(action)).isEqualTo("ASSIGN_ROLE - " + ROLE);
            assertThat(action.kind()).isEqualTo(Kind.CHANGE);
            assertThat(action.reason()).contains("object ID " + FakeAzure.guid(301),
                "does not have role Azure Connected Machine Onboarding on resource group arc-machines");
        });
    }

    @Test
    void plan_twoApplicationsWithTheName_isConflictAndNothingDependingOnItIsPlanned() {
        FakeAzure azure = new FakeAzure();
        azure.resourceGroups.put("arc-machines", "westus2");
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 1));
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 2));

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(plan.actions()).extracting(ProvisioningAction::operation).containsOnly(Operation.REGISTER_PROVIDER);
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.resource()).isEqualTo(APPLICATION);
            assertThat(conflict.region()).isEmpty();
            assertThat(conflict.description()).startsWith("2 Microsoft Entra applications are named "
                + Plans.SP_NAME).contains(FakeAzure.guid(201), FakeAzure.guid(202), "cannot tell which one");
            assertThat(conflict.resolution()).contains("App registrations",
                "ProvisioningOptions.servicePrincipalName");
        });
        assertThat(azure.writes).isEmpty();
    }

    @Test
    void apply_secondApplicationAppearedSincePlanning_failsAndWritesNoEntraObject() {
        FakeAzure azure = new FakeAzure().registered();
        azure.resourceGroups.put("arc-machines", "westus2");
        FakeAccount account = FakeAccount.prepared();
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 7));
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 8));

        ProvisioningResult result = Plans.applier(account, azure).apply(plan);

        assertThat(azure.writes).isEmpty();
        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.action().operation()).isEqualTo(Operation.CREATE_APPLICATION);
            assertThat(failure.cause()).hasValueSatisfying(cause -> assertThat(cause)
                .startsWith("The account changed since the plan was made: 2 Microsoft Entra applications"));
        });
        assertThat(result.outcomes(Status.NOT_ATTEMPTED)).hasSize(3);
    }

    @Test
    void apply_servicePrincipalFails_reportsDoneFailedNotAttemptedAndTheNextPlanShowsExactlyTheRest() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        azure.failingWrites.put("createServicePrincipal " + FakeAzure.guid(201),
            FakeAzure.error("Graph POST /servicePrincipals", "Authorization_RequestDenied"));
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());

        ProvisioningResult result = Plans.applier(account, azure).apply(plan);

        assertThat(result.outcomes()).extracting(ProvisioningOutcome::status).containsExactly(Status.DONE,
            Status.DONE, Status.DONE, Status.DONE, Status.DONE, Status.FAILED, Status.NOT_ATTEMPTED,
            Status.NOT_ATTEMPTED);
        assertThat(result.failure().flatMap(ProvisioningOutcome::cause))
            .hasValue("Graph POST /servicePrincipals failed: Authorization_RequestDenied");
        assertThat(result.servicePrincipal()).isEmpty();
        azure.failingWrites.clear();
        ProvisioningPlan rest = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());
        assertThat(Plans.steps(rest)).containsExactly("CREATE_SERVICE_PRINCIPAL - " + PRINCIPAL,
            "CREATE_CLIENT_SECRET - " + APPLICATION, "ASSIGN_ROLE - " + ROLE);

        ProvisioningResult finished = Plans.applier(account, azure).apply(rest);

        assertThat(finished.succeeded()).isTrue();
        assertThat(finished.servicePrincipal()).hasValueSatisfying(sp -> assertThat(sp.clientId())
            .isEqualTo(FakeAzure.guid(201)));
        assertThat(Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal()).isEmpty())
            .isTrue();
    }

    @Test
    void apply_roleAssignmentFails_stillReturnsTheSecretAndTheNextPlanOnlyAssignsTheRole() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        azure.failingWrites.put("assignRole " + SCOPE + " " + FakeAzure.guid(302),
            FakeAzure.error("ARM PUT roleAssignments", "PrincipalNotFound"));
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());

        ProvisioningResult result = Plans.applier(account, azure).apply(plan);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.outcomes(Status.DONE)).hasSize(7);
        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(Plans.step(failure.action()))
            .isEqualTo("ASSIGN_ROLE - " + ROLE));
        assertThat(result.servicePrincipal()).hasValueSatisfying(sp -> assertThat(sp.secret().reveal())
            .isEqualTo(FakeAzure.CLIENT_SECRET));
        azure.failingWrites.clear();
        assertThat(Plans.steps(Plans.planner(account, azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal()))).containsExactly("ASSIGN_ROLE - " + ROLE);
    }

    @Test
    void apply_clientSecret_isNeverLoggedRenderedOrPrinted() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());
        PrintStream original = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        ProvisioningResult result;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            result = Plans.applier(account, azure).apply(plan);
        } finally {
            System.setErr(original);
        }

        assertThat(result.servicePrincipal()).isPresent();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("Applied CREATE_CLIENT_SECRET on " + APPLICATION
            + " in Azure subscription " + FakeAccount.SUBSCRIPTION + " for AWS account 123456789012");
        assertThat(List.of(logs.toString(StandardCharsets.UTF_8), result.toString(),
            result.servicePrincipal().get().toString(), result.toText(), result.toJson(), result.outcomes().toString(),
            plan.toString(), plan.toText(), plan.toJson())).allSatisfy(rendered -> assertThat(rendered)
                .doesNotContain(FakeAzure.CLIENT_SECRET).doesNotContain("FakeClientSecretValue"));
        assertThat(result.servicePrincipal().get().toString()).contains("clientId=" + FakeAzure.guid(201),
            "secret=***");
    }

    @Test
    void withProvisionedServicePrincipal_specWithArcSettings_replacesGroupRegionAndPrincipalKeepingTheRest() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        ConnectorSpec spec = ConnectorSpec.builder().from(Plans.assumeRoleSpec()).arc(ArcSettings.builder()
            .autoProvision(false).resourceGroup("old-group").azureRegion("eastus")
            .servicePrincipalId(FakeAzure.guid(1)).servicePrincipalSecret(Secret.of("old-secret"))
            .proxy(URI.create("http://proxy.example.com:3128")).putTags("team", "security").build()).build();
        ProvisioningResult result = Plans.applier(account, azure).apply(Plans.planner(account, azure).plan(spec,
            ProvisioningOptions.builder().createServicePrincipal(true).arcResourceGroup("arc-machines").build()));

        ConnectorSpec provisioned = result.withProvisionedServicePrincipal(spec);

        assertThat(provisioned.arc()).hasValueSatisfying(arc -> {
            assertThat(arc.resourceGroup()).isEqualTo("arc-machines");
            assertThat(arc.azureRegion()).isEqualTo("eastus");
            assertThat(arc.servicePrincipalId()).isEqualTo(FakeAzure.guid(201));
            assertThat(arc.servicePrincipalSecret().reveal()).isEqualTo(FakeAzure.CLIENT_SECRET);
            assertThat(arc.autoProvision()).isFalse();
            assertThat(arc.proxy()).hasValue(URI.create("http://proxy.example.com:3128"));
            assertThat(arc.tags()).containsEntry("team", "security");
        });
        assertThat(azure.writes).contains("createResourceGroup arc-machines eastus");
    }

    @Test
    void withProvisionedServicePrincipal_specWithoutArcSettings_addsThem() {
        FakeAzure azure = new FakeAzure();
        FakeAccount account = FakeAccount.prepared();
        ProvisioningResult result = Plans.applier(account, azure).apply(Plans.planner(account, azure).plan(
            Plans.assumeRoleSpec(), Plans.servicePrincipal()));

        ConnectorSpec provisioned = result.withProvisionedServicePrincipal(Plans.assumeRoleSpec());

        assertThat(provisioned.arc()).hasValueSatisfying(arc -> {
            assertThat(arc.resourceGroup()).isEqualTo("arc-machines");
            assertThat(arc.azureRegion()).isEqualTo("westus2");
            assertThat(arc.servicePrincipalId()).isEqualTo(FakeAzure.guid(201));
            assertThat(arc.autoProvision()).isTrue();
        });
    }

    @Test
    void plan_neitherOptionsNorSpecGiveGroupOrRegion_throwsNamingBothBeforeAnyCall() {
        ProvisioningOptions options = ProvisioningOptions.builder().createServicePrincipal(true).build();

        assertThatThrownBy(() -> new ProvisioningPlanner(new NoAws(), new NoAzure()).plan(Plans.assumeRoleSpec(),
            options))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("arcResourceGroup: must be set when createServicePrincipal is on and the spec has "
                + "no Arc settings")
            .hasMessageContaining("arcRegion: must be set when createServicePrincipal is on");
    }

    @Test
    void plan_specArcSettings_giveGroupAndRegionUnlessTheOptionsOverride() {
        ConnectorSpec spec = ConnectorSpec.builder().from(Plans.assumeRoleSpec()).arc(ArcSettings.builder()
            .resourceGroup("spec-group").azureRegion("North Europe").servicePrincipalId(FakeAzure.guid(1))
            .servicePrincipalSecret(Secret.of("old-secret")).build()).build();

        ProvisioningPlan fromSpec = Plans.planner(FakeAccount.prepared(), new FakeAzure()).plan(spec,
            ProvisioningOptions.builder().createServicePrincipal(true).servicePrincipalName("Arc Onboarding").build());
        ProvisioningPlan overridden = Plans.planner(FakeAccount.prepared(), new FakeAzure()).plan(spec,
            ProvisioningOptions.builder().createServicePrincipal(true).arcRegion("uksouth").build());

        assertThat(fromSpec.arcResourceGroup()).hasValue("spec-group");
        assertThat(fromSpec.arcRegion()).hasValue("northeurope");
        assertThat(fromSpec.servicePrincipalName()).hasValue("Arc Onboarding");
        assertThat(Plans.steps(fromSpec)).contains("CREATE_APPLICATION - entra/application/Arc Onboarding",
            "ASSIGN_ROLE - azure/roleAssignment/spec-group/Azure Connected Machine Onboarding");
        assertThat(overridden.arcResourceGroup()).hasValue("spec-group");
        assertThat(overridden.arcRegion()).hasValue("uksouth");
    }

    @Test
    void plan_awsOnlyWithAnAzureSideThatCannotProvision_plansAndAppliesTheAwsSide() {
        FakeAccount account = new FakeAccount();

        ProvisioningPlan plan = new ProvisioningPlanner(account, new NoAzure()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());
        ProvisioningResult result = new ProvisioningApplier(account, new NoAzure()).apply(plan);

        assertThat(plan.isEmpty()).isFalse();
        assertThat(plan.servicePrincipalName()).isEmpty();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.servicePrincipal()).isEmpty();
    }

    @Test
    void plan_servicePrincipalWithAnAzureSideThatCannotProvision_throwsSayingSo() {
        assertThatThrownBy(() -> Plans.planner(FakeAccount.prepared()).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal()))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("This Azure side cannot provision");
    }

    @Test
    void plan_applicationsUnreadable_isConflictAndProvidersAndGroupAreStillPlanned() {
        FakeAzure azure = new FakeAzure();
        azure.failingReads.put("applications " + Plans.SP_NAME, new AccessDeniedException("Graph GET /applications "
            + "failed: Authorization_RequestDenied (HTTP 403)", "azure", "Graph GET /applications", null, 403,
            "Authorization_RequestDenied", "req-azure-2", "Application.Read.All", null));
        azure.failingReads.put("provider Microsoft.GuestConfiguration", FakeAzure.error("ARM GET providers",
            "InternalServerError"));

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(Plans.steps(plan)).containsExactly("REGISTER_PROVIDER - azure/provider/Microsoft.HybridCompute",
            "REGISTER_PROVIDER - azure/provider/Microsoft.HybridConnectivity",
            "CREATE_RESOURCE_GROUP - azure/resourceGroup/arc-machines");
        assertThat(plan.conflicts()).hasSize(2);
        assertThat(plan.conflicts().get(0).resource()).isEqualTo("azure/provider/Microsoft.GuestConfiguration");
        assertThat(plan.conflicts().get(0).resolution()).contains("Azure support");
        assertThat(plan.conflicts().get(1).resource()).isEqualTo(APPLICATION);
        assertThat(plan.conflicts().get(1).description()).contains("Could not read " + APPLICATION,
            "Authorization_RequestDenied");
        assertThat(plan.conflicts().get(1).resolution()).startsWith("Allow Application.Read.All");
    }

    /** The application and its service principal exist, one secret expiring at {@code secretExpiry}. */
    private static FakeAzure halfPrepared(Instant secretExpiry) {
        FakeAzure azure = new FakeAzure().registered();
        azure.resourceGroups.put("arc-machines", "westus2");
        azure.applications.add(FakeAzure.application(Plans.SP_NAME, 1, secretExpiry));
        azure.principals.put(FakeAzure.guid(201), EntraServicePrincipal.of(FakeAzure.guid(301),
            FakeAzure.guid(201)));
        return azure;
    }

    /** An AWS side whose every port throws: a plan that calls none can be told from one that calls any. */
    private static final class NoAws implements AwsSide {

        @Override
        public AccountPort account() {
            throw new UnsupportedOperationException("no AWS call expected");
        }

        @Override
        public FleetPort fleet() {
            throw new UnsupportedOperationException("no AWS call expected");
        }

        @Override
        public FindingsPort findings() {
            throw new UnsupportedOperationException("no AWS call expected");
        }

        @Override
        public void close() {
        }
    }
}
