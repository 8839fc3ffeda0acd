package io.cloudconnector.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorClient;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.aws.AwsAdapter;
import io.cloudconnector.azure.AzureAdapter;
import io.cloudconnector.testkit.CloudSandbox;
import io.cloudconnector.testkit.InjectedFault;
import io.cloudconnector.testkit.SandboxFault;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.StandardError;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning through the real AWS adapter against the sandbox: plans read the sandbox's state, apply writes it, and
 * the next plan reads what apply wrote.
 */
class ProvisioningAgainstSandboxTest {

    private static final String NOT_OPTED_IN = "af-south-1";
    private static final ProvisioningOptions WITH_BUCKET = ProvisioningOptions.builder().createConfigBucket(true)
        .build();

    private CloudSandbox sandbox;
    private ConnectorClient client;
    private ConnectorSpec spec;

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void bareAccount_planApplyAndPlanAgain_leavesOnlyTheRegionThatIsNotOptedIn() {
        start(ProvisioningSeeds.bare());

        ProvisioningPlan plan = client.plan(spec, WITH_BUCKET);
        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan again = client.plan(spec, WITH_BUCKET);

        assertThat(plan.actions()).extracting(ProvisioningAction::operation).contains(Operation.CREATE_ROLE,
            Operation.CREATE_BUCKET, Operation.CREATE_SERVICE_LINKED_ROLE, Operation.PUT_DELIVERY_CHANNEL);
        assertThat(regionsOf(plan, Operation.ENABLE_SECURITY_HUB)).containsExactlyElementsOf(enabledSpecRegions());
        assertThat(regionsOf(plan, Operation.START_CONFIG_RECORDER)).containsExactlyElementsOf(enabledSpecRegions());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outcomes()).extracting(ProvisioningOutcome::status).containsOnly(Status.DONE);
        assertThat(result.roleArn()).hasValue(sandbox.seed().connectorRoleArn());
        assertThat(again.actions()).isEmpty();
        assertThat(again.conflicts()).extracting(ProvisioningConflict::resource)
            .containsExactly("region/" + NOT_OPTED_IN);
    }

    @Test
    void bareAccount_appliedTwice_secondApplyWritesNothing() {
        start(ProvisioningSeeds.bare());
        ProvisioningPlan plan = client.plan(spec, WITH_BUCKET);
        client.apply(plan);
        sandbox.resetStats();

        ProvisioningResult second = client.apply(plan);

        assertThat(second.outcomes()).extracting(ProvisioningOutcome::status).containsOnly(Status.ALREADY_DONE);
        assertThat(sandbox.stats().requests().keySet())
            .noneMatch(operation -> operation.matches("[a-z0-9]+:(Put|Create|Enable|BatchEnable|Attach|Start).*"));
    }

    @Test
    void bareAccount_provisioned_isReadyButForTheRegionThatIsNotOptedIn() {
        start(ProvisioningSeeds.bare());

        client.apply(client.plan(spec, WITH_BUCKET));

        assertThat(client.checkReadiness(spec).checks())
            .filteredOn(check -> check.status() == ReadinessCheck.Status.FAIL
                || check.status() == ReadinessCheck.Status.ERROR)
            .extracting(check -> check.id() + "@" + check.target())
            .containsExactly("region.enabled@" + NOT_OPTED_IN);
    }

    @Test
    void halfPreparedAccount_roleWithoutExternalId_isAConflictNotAChange() {
        start(ProvisioningSeeds.halfPrepared());
        String role = "iam/role/" + sandbox.seed().connectorRoleName();

        ProvisioningPlan plan = client.plan(spec, ProvisioningOptions.defaults());
        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan again = client.plan(spec, ProvisioningOptions.defaults());

        assertThat(plan.conflicts()).filteredOn(conflict -> conflict.resource().equals(role)).singleElement()
            .satisfies(conflict -> assertThat(conflict.description()).contains("without requiring sts:ExternalId"));
        assertThat(plan.actions()).extracting(ProvisioningAction::resource).doesNotContain(role);
        assertThat(plan.roleArn()).isEmpty();
        assertThat(regionsOf(plan, Operation.ENABLE_SECURITY_HUB)).containsExactlyElementsOf(enabledSpecRegions()
            .stream().filter(region -> !region.equals(ProvisioningSeeds.HUB_REGION)).toList());
        assertThat(result.succeeded()).isTrue();
        assertThat(again.actions()).isEmpty();
        assertThat(again.conflicts()).extracting(ProvisioningConflict::resource)
            .containsExactlyInAnyOrder(role, "region/" + NOT_OPTED_IN);
    }

    @Test
    void failureInTheMiddle_completedActionsReported_nextPlanShowsExactlyTheRest() {
        start(ProvisioningSeeds.bare());
        InjectedFault denied = sandbox.inject(SandboxFault.on("config:PutDeliveryChannel").inRegion("eu-west-1")
            .accessDenied());
        ProvisioningPlan plan = client.plan(spec, WITH_BUCKET);

        ProvisioningResult result = client.apply(plan);
        ProvisioningPlan rest = client.plan(spec, WITH_BUCKET);

        assertThat(denied.fired()).isEqualTo(1);
        ProvisioningOutcome failure = result.failure().orElseThrow();
        assertThat(failure.action().operation()).isEqualTo(Operation.PUT_DELIVERY_CHANNEL);
        assertThat(failure.action().region()).hasValue("eu-west-1");
        assertThat(failure.cause()).hasValueSatisfying(cause -> assertThat(cause)
            .contains("config:PutDeliveryChannel").contains("eu-west-1"));
        int failed = result.outcomes().indexOf(failure);
        assertThat(result.outcomes().subList(0, failed)).isNotEmpty().extracting(ProvisioningOutcome::status)
            .containsOnly(Status.DONE);
        assertThat(result.outcomes().subList(failed + 1, result.outcomes().size())).isNotEmpty()
            .extracting(ProvisioningOutcome::status).containsOnly(Status.NOT_ATTEMPTED);
        assertThat(rest.actions()).extracting(ProvisioningAgainstSandboxTest::write).containsExactlyElementsOf(
            result.outcomes().subList(failed, result.outcomes().size()).stream()
                .map(outcome -> write(outcome.action())).toList());
        assertThat(client.apply(rest).succeeded()).isTrue();
        assertThat(client.plan(spec, WITH_BUCKET).actions()).isEmpty();
    }

    @Test
    void accessKey_created_itsSecretIsNeverLoggedNorRendered() {
        start(ProvisioningSeeds.bare());
        ProvisioningOptions options = ProvisioningOptions.builder().createConfigBucket(true).createUser(true)
            .createAccessKey(true).build();
        AtomicReference<ProvisioningPlan> plan = new AtomicReference<>();
        AtomicReference<ProvisioningResult> result = new AtomicReference<>();

        String logs = StandardError.during(() -> {
            plan.set(client.plan(spec, options));
            result.set(client.apply(plan.get()));
        });

        AwsAuthentication.AccessKeys key = result.get().accessKey().orElseThrow();
        String secret = key.secretAccessKey().reveal();
        assertThat(sandbox.secrets()).contains(secret);
        assertThat(logs).contains("Applied CREATE_ACCESS_KEY");
        assertThat(sandbox.secrets()).allSatisfy(known -> assertThat(logs).doesNotContain(known));
        assertThat(Stream.of(plan.get().toText(), plan.get().toJson(), plan.get().toString(), result.get().toText(),
            result.get().toJson(), result.get().toString(), key.toString()))
            .allSatisfy(rendering -> assertThat(rendering).doesNotContain(secret));
        assertThat(result.get().toText()).contains(key.accessKeyId());
        assertThat(client.plan(spec, options).actions()).isEmpty();
    }

    private void start(SandboxSeed seed) {
        sandbox = CloudSandbox.builder().seed(seed).withoutQuota().start();
        client = ConnectorClient.of(AwsAdapter.create(sandbox.endpoints()), AzureAdapter.create(sandbox.endpoints()));
        spec = sandbox.spec();
    }

    private List<String> enabledSpecRegions() {
        SandboxSeed seed = sandbox.seed();
        return seed.specRegions().stream().filter(region -> seed.region(region).orElseThrow().enabled()).toList();
    }

    private static List<String> regionsOf(ProvisioningPlan plan, Operation operation) {
        return plan.actions().stream().filter(action -> action.operation() == operation)
            .map(action -> action.region().orElseThrow()).toList();
    }

    /** What an action writes where: two plans that both call for it write the same. */
    private static String write(ProvisioningAction action) {
        return action.operation() + " " + action.region().orElse("account") + " " + action.resource() + " "
            + new TreeMap<>(action.parameters());
    }
}
