package io.cloudconnector.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningOutcome;
import io.cloudconnector.ProvisioningOutcome.Status;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningApplierTest {

    @Test
    void apply_bareAccount_performsEveryActionAndTheNextPlanIsEmpty() {
        FakeAccount account = new FakeAccount();
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());

        ProvisioningResult result = Plans.applier(account).apply(plan);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.outcomes()).hasSize(plan.actions().size())
            .allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(Status.DONE));
        assertThat(account.writes).hasSize(plan.actions().size()).startsWith("createRole AscConnector",
            "attachRolePolicy AscConnector SecurityAudit");
        assertThat(account.writes).containsSubsequence("createBucket us-east-1 config-bucket-123456789012",
            "putBucketPolicy config-bucket-123456789012", "putConfigRecorder us-east-1 default global=true",
            "putDeliveryChannel us-east-1 config-bucket-123456789012", "startConfigRecorder us-east-1 default");
        ProvisioningPlan next = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());
        assertThat(next.isEmpty()).isTrue();
        assertThat(next.conflicts()).isEmpty();
    }

    @Test
    void apply_failureInTheMiddle_stopsReportsWhatCompletedAndTheNextPlanShowsTheRest() {
        FakeAccount account = new FakeAccount();
        account.failingWrites.put("putDeliveryChannel us-east-1 config-bucket-123456789012",
            FakeAccount.error("config:PutDeliveryChannel", "InsufficientDeliveryPolicyException"));
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());

        ProvisioningResult result = Plans.applier(account).apply(plan);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(Plans.step(failure.action())).isEqualTo(
                "PUT_DELIVERY_CHANNEL us-east-1 config/delivery-channel/default");
            assertThat(failure.cause()).hasValue("config:PutDeliveryChannel failed: "
                + "InsufficientDeliveryPolicyException");
        });
        int failed = result.outcomes().indexOf(result.failure().get());
        assertThat(result.outcomes().subList(0, failed)).extracting(ProvisioningOutcome::status).containsOnly(
            Status.DONE);
        assertThat(result.outcomes().subList(failed + 1, result.outcomes().size()))
            .extracting(ProvisioningOutcome::status).containsOnly(Status.NOT_ATTEMPTED).hasSize(6);
        assertThat(result.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");

        account.failingWrites.clear();
        ProvisioningPlan rest = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());
        assertThat(Plans.steps(rest)).containsExactlyElementsOf(result.outcomes().subList(failed, result.outcomes()
            .size()).stream().map(outcome -> Plans.step(outcome.action())).toList());
    }

    @Test
    void apply_samePlanTwice_writesNothingTheSecondTime() {
        FakeAccount account = new FakeAccount();
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());
        Plans.applier(account).apply(plan);
        List<String> firstWrites = List.copyOf(account.writes);

        ProvisioningResult second = Plans.applier(account).apply(plan);

        assertThat(account.writes).isEqualTo(firstWrites);
        assertThat(second.succeeded()).isTrue();
        assertThat(second.outcomes()).allSatisfy(outcome -> assertThat(outcome.status())
            .isEqualTo(Status.ALREADY_DONE));
        assertThat(second.accessKey()).isEmpty();
        assertThat(second.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");
    }

    @Test
    void apply_roleCreatedElsewhereWithoutExternalIdSincePlanning_failsAndAttachesNothing() {
        FakeAccount account = new FakeAccount();
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());
        account.roles.put("AscConnector", FakeAccount.role("AscConnector", FakeAccount.trust(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FakeAccount.MICROSOFT_ROOT + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}")));

        ProvisioningResult result = Plans.applier(account).apply(plan);

        assertThat(account.writes).isEmpty();
        assertThat(result.outcomes().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(result.outcomes().get(0).cause()).hasValueSatisfying(cause -> assertThat(cause)
            .startsWith("The account changed since the plan was made: ").contains("without requiring sts:ExternalId"));
        assertThat(result.outcomes(Status.NOT_ATTEMPTED)).hasSize(plan.actions().size() - 1);
        assertThat(result.roleArn()).isEmpty();
    }

    @Test
    void apply_narrowedPlan_performsOnlyItsActions() {
        FakeAccount account = FakeAccount.prepared();
        account.hubs.remove("eu-west-1");
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());
        ProvisioningPlan hubOnly = ProvisioningPlan.builder().from(plan).actions(plan.actions().subList(0, 1)).build();

        ProvisioningResult result = Plans.applier(account).apply(hubOnly);

        assertThat(result.succeeded()).isTrue();
        assertThat(account.writes).containsExactly("enableSecurityHub eu-west-1");
    }

    @Test
    void apply_accessKey_isReturnedOnceAndNeverRendered() {
        FakeAccount account = new FakeAccount();
        ProvisioningPlan plan = Plans.planner(account).plan(Plans.accessKeySpec(), Plans.everything());

        ProvisioningResult result = Plans.applier(account).apply(plan);

        assertThat(result.accessKey()).hasValueSatisfying(key -> {
            assertThat(key.accessKeyId()).isEqualTo("AKIAIOSFODNN7NEWKEY1");
            assertThat(key.secretAccessKey().reveal()).isEqualTo(FakeAccount.SECRET);
        });
        assertThat(List.of(result.toString(), result.toText(), result.toJson(), plan.toString(), plan.toText(),
            plan.toJson(), result.outcomes().toString())).allSatisfy(rendered -> assertThat(rendered)
                .doesNotContain(FakeAccount.SECRET).doesNotContain("wJalrXUtnFEMI"));
        assertThat(result.toText()).contains("AKIAIOSFODNN7NEWKEY1");
        assertThat(result.toJson()).contains("\"accessKeyId\" : \"AKIAIOSFODNN7NEWKEY1\"");
    }

    @Test
    void withProvisionedRole_accessKeySpec_becomesAssumeRoleWithSubscriptionAsExternalId() {
        FakeAccount account = new FakeAccount();
        ProvisioningResult result = Plans.applier(account).apply(Plans.planner(account).plan(Plans.accessKeySpec(),
            ProvisioningOptions.defaults()));

        ConnectorSpec spec = result.withProvisionedRole(Plans.accessKeySpec());

        assertThat(spec.authentication()).isInstanceOfSatisfying(AwsAuthentication.AssumeRole.class, role ->
            assertThat(role.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/AscConnector"));
        assertThat(spec.externalId()).hasValue(FakeAccount.SUBSCRIPTION);
    }

    @Test
    void withProvisionedRole_roleNotReady_throwsNamingTheAccount() {
        FakeAccount account = new FakeAccount();
        account.failingWrites.put("createRole AscConnector", FakeAccount.error("iam:CreateRole", "LimitExceeded"));
        ProvisioningResult result = Plans.applier(account).apply(Plans.planner(account).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults()));

        assertThat(result.roleArn()).isEmpty();
        assertThatThrownBy(() -> result.withProvisionedRole(Plans.assumeRoleSpec()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("account 123456789012");
    }
}
