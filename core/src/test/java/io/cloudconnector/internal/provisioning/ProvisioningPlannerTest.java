package io.cloudconnector.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.NotReadyException;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.ProvisioningConflict;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.spi.BucketFacts;
import io.cloudconnector.spi.DeliveryChannelFacts;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningPlannerTest {

    private static final String BUCKET = "config-bucket-123456789012";
    private static final String SLR =
        "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

    @Test
    void plan_bareAccount_createsEverythingInOrder() {
        FakeAccount account = new FakeAccount();

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());

        assertThat(Plans.steps(plan)).containsExactly(
            "CREATE_ROLE - iam/role/AscConnector",
            "ATTACH_ROLE_POLICY - iam/role/AscConnector",
            "ATTACH_ROLE_POLICY - iam/role/AscConnector",
            "ATTACH_ROLE_POLICY - iam/role/AscConnector",
            "CREATE_USER - iam/user/AscConnectorUser",
            "ATTACH_USER_POLICY - iam/user/AscConnectorUser",
            "ATTACH_USER_POLICY - iam/user/AscConnectorUser",
            "CREATE_ACCESS_KEY - iam/user/AscConnectorUser",
            "CREATE_BUCKET us-east-1 s3/bucket/" + BUCKET,
            "BLOCK_PUBLIC_ACCESS us-east-1 s3/bucket/" + BUCKET,
            "ENCRYPT_BUCKET us-east-1 s3/bucket/" + BUCKET,
            "PUT_BUCKET_POLICY us-east-1 s3/bucket/" + BUCKET,
            "CREATE_SERVICE_LINKED_ROLE - iam/role/AWSServiceRoleForConfig",
            "ENABLE_SECURITY_HUB us-east-1 securityhub/hub",
            "ENABLE_STANDARD us-east-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0",
            "PUT_CONFIG_RECORDER us-east-1 config/recorder/default",
            "PUT_DELIVERY_CHANNEL us-east-1 config/delivery-channel/default",
            "START_CONFIG_RECORDER us-east-1 config/recorder/default",
            "ENABLE_SECURITY_HUB eu-west-1 securityhub/hub",
            "ENABLE_STANDARD eu-west-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0",
            "PUT_CONFIG_RECORDER eu-west-1 config/recorder/default",
            "PUT_DELIVERY_CHANNEL eu-west-1 config/delivery-channel/default",
            "START_CONFIG_RECORDER eu-west-1 config/recorder/default");
        assertThat(plan.actions()).allSatisfy(action -> assertThat(action.kind()).isEqualTo(Kind.CREATE));
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");
    }

    @Test
    void plan_bareAccount_writesTheDocumentedTrustPolicyAndConfigSettings() {
        ProvisioningPlan plan = Plans.planner(new FakeAccount()).plan(Plans.assumeRoleSpec(), Plans.everything());

        assertThat(only(plan, Operation.CREATE_ROLE, null).parameters().get("trustPolicy")).isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::158177204117:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"sts:ExternalId\":\"" + FakeAccount.SUBSCRIPTION + "\"}}}]}");
        assertThat(plan.actions(Kind.CREATE).stream().filter(a -> a.operation() == Operation.ATTACH_ROLE_POLICY)
            .map(a -> a.parameters().get("policyArn"))).containsExactly("arn:aws:iam::aws:policy/SecurityAudit",
                "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole",
                "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess");
        assertThat(only(plan, Operation.PUT_CONFIG_RECORDER, "us-east-1").parameters())
            .containsEntry("roleArn", SLR).containsEntry("includeGlobalResourceTypes", "true");
        assertThat(only(plan, Operation.PUT_CONFIG_RECORDER, "eu-west-1").parameters())
            .containsEntry("includeGlobalResourceTypes", "false");
        assertThat(only(plan, Operation.ENABLE_STANDARD, "eu-west-1").parameters()).containsEntry("standardsArn",
            "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0");
        assertThat(only(plan, Operation.PUT_BUCKET_POLICY, "us-east-1").parameters().get("policy"))
            .contains("\"Service\":\"config.amazonaws.com\"", "\"Action\":\"s3:PutObject\"",
                "arn:aws:s3:::" + BUCKET + "/AWSLogs/123456789012/Config/*", "bucket-owner-full-control");
    }

    @Test
    void plan_halfPrepared_plansTheMissingRegionAndReportsTheRoleWithoutExternalIdAsConflict() {
        FakeAccount account = FakeAccount.prepared();
        account.hubs.remove("eu-west-1");
        account.roles.put("AscConnector", FakeAccount.role("AscConnector", FakeAccount.trust(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FakeAccount.MICROSOFT_ROOT + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}"), "arn:aws:iam::aws:policy/SecurityAudit"));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());

        assertThat(Plans.steps(plan)).containsExactly("ENABLE_SECURITY_HUB eu-west-1 securityhub/hub",
            "ENABLE_STANDARD eu-west-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0");
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.resource()).isEqualTo("iam/role/AscConnector");
            assertThat(conflict.region()).isEmpty();
            assertThat(conflict.description()).contains("without requiring sts:ExternalId",
                "no policy is attached");
            assertThat(conflict.resolution()).contains("never overwrites",
                "sts:ExternalId " + FakeAccount.SUBSCRIPTION);
        });
        assertThat(plan.roleArn()).isEmpty();
    }

    @Test
    void plan_roleTrustingAnotherPrincipal_isConflictNotChange() {
        FakeAccount account = FakeAccount.prepared();
        account.roles.put("AscConnector", FakeAccount.role("AscConnector", FakeAccount.trust(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}")));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.conflicts()).extracting(ProvisioningConflict::description).singleElement().asString()
            .contains("does not let Microsoft's account 158177204117 call sts:AssumeRole");
    }

    @Test
    void plan_fullyPrepared_isEmptyWithoutConflicts() {
        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.roleArn()).hasValue("arn:aws:iam::123456789012:role/AscConnector");
    }

    @Test
    void plan_correctRoleLackingAPolicy_attachesItAsChange() {
        FakeAccount account = FakeAccount.prepared();
        account.roles.put("AscConnector", FakeAccount.role("AscConnector",
            FakeAccount.trust(FakeAccount.documented(FakeAccount.SUBSCRIPTION)),
            "arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess"));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());

        assertThat(plan.actions()).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Kind.CHANGE);
            assertThat(action.operation()).isEqualTo(Operation.ATTACH_ROLE_POLICY);
            assertThat(action.parameters()).containsEntry("policyArn",
                "arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole");
        });
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void plan_roleNameFromOptions_winsOverTheSpecsRole() {
        ProvisioningPlan plan = Plans.planner(new FakeAccount()).plan(Plans.accessKeySpec(),
            ProvisioningOptions.builder().roleName("DefenderReader").build());

        assertThat(only(plan, Operation.CREATE_ROLE, null).resource()).isEqualTo("iam/role/DefenderReader");
        assertThat(plan.roleArn()).hasValue("arn:aws:iam::123456789012:role/DefenderReader");
    }

    @Test
    void plan_bucketMissingAndNotToBeCreated_isConflictAndNoRecorderOrChannelIsPlanned() {
        ProvisioningPlan plan = Plans.planner(new FakeAccount()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());

        assertThat(plan.actions()).extracting(ProvisioningAction::operation)
            .containsOnly(Operation.CREATE_ROLE, Operation.ATTACH_ROLE_POLICY, Operation.ENABLE_SECURITY_HUB,
                Operation.ENABLE_STANDARD);
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.resource()).isEqualTo("s3/bucket/" + BUCKET);
            assertThat(conflict.description()).contains("does not exist");
            assertThat(conflict.resolution()).contains("createConfigBucket(true)");
        });
    }

    @Test
    void plan_existingBucketWithoutPolicy_addsThePolicyOnly() {
        FakeAccount account = new FakeAccount();
        account.buckets.put("audit-logs", BucketFacts.builder().name("audit-logs").accessible(true)
            .region("eu-west-1").encrypted(false).publicAccessBlocked(false).build());

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.builder().configBucket("audit-logs").build());

        assertThat(plan.actions()).filteredOn(action -> action.resource().startsWith("s3/"))
            .singleElement().satisfies(action -> {
                assertThat(Plans.step(action)).isEqualTo("PUT_BUCKET_POLICY eu-west-1 s3/bucket/audit-logs");
                assertThat(action.kind()).isEqualTo(Kind.CHANGE);
            });
        assertThat(only(plan, Operation.PUT_DELIVERY_CHANNEL, "us-east-1").parameters())
            .containsEntry("bucketName", "audit-logs");
    }

    @Test
    void plan_bucketPolicyWithoutConfig_isConflictAndNeverOverwritten() {
        FakeAccount account = new FakeAccount();
        account.buckets.put(BUCKET, BucketFacts.builder().name(BUCKET).accessible(true).encrypted(true)
            .publicAccessBlocked(true).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}").build());

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());

        assertThat(plan.actions()).extracting(ProvisioningAction::operation)
            .doesNotContain(Operation.PUT_BUCKET_POLICY, Operation.PUT_DELIVERY_CHANNEL);
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.description()).contains("does not let AWS Config", "never overwritten");
            assertThat(conflict.resolution()).contains("AWSConfigBucketDelivery");
        });
    }

    @Test
    void plan_recorderOfSelectedTypesStopped_widensItKeepingItsRoleThenStartsIt() {
        FakeAccount account = FakeAccount.prepared();
        account.recorders.put("eu-west-1", FakeAccount.recorder("main", false, false, false));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());

        assertThat(Plans.steps(plan)).containsExactly("PUT_CONFIG_RECORDER eu-west-1 config/recorder/main",
            "START_CONFIG_RECORDER eu-west-1 config/recorder/main");
        assertThat(plan.actions()).allSatisfy(action -> assertThat(action.kind()).isEqualTo(Kind.CHANGE));
        assertThat(plan.actions().get(0).parameters()).containsEntry("roleArn", SLR)
            .containsEntry("includeGlobalResourceTypes", "false");
    }

    @Test
    void plan_channelToAnotherBucketWhenOneIsNamed_isLeftAsConflict() {
        FakeAccount account = FakeAccount.prepared();
        account.channels.put("eu-west-1", DeliveryChannelFacts.builder().name("default").s3BucketName("legacy")
            .build());

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.builder().configBucket(BUCKET).build());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.region()).hasValue("eu-west-1");
            assertThat(conflict.description()).contains("delivers to bucket legacy");
        });
    }

    @Test
    void plan_otherCisVersionSubscribed_addsTheChosenOne() {
        FakeAccount account = FakeAccount.prepared();
        account.hubs.put("eu-west-1", new ArrayList<>(List.of(
            "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0")));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.builder().cisVersion("1.2.0").build());

        assertThat(plan.actions()).extracting(action -> Plans.step(action) + " " + action.parameters())
            .containsExactly(
                "ENABLE_STANDARD us-east-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.2.0 {standardsArn="
                    + "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0}",
                "ENABLE_STANDARD eu-west-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.2.0 {standardsArn="
                    + "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0}");
        assertThat(plan.actions().get(1).reason()).contains("cis-aws-foundations-benchmark/v/3.0.0");
    }

    @Test
    void plan_userWithAccessKeyAlready_plansNoSecondKey() {
        FakeAccount account = FakeAccount.prepared();
        account.users.put("AscConnectorUser", IamPrincipalFacts.builder()
            .name("AscConnectorUser").arn("arn:aws:iam::123456789012:user/AscConnectorUser")
            .addAttachedPolicyArns("arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM").build());
        account.accessKeys.put("AscConnectorUser", List.of("AKIAIOSFODNN7OLDKEY1"));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), Plans.everything());

        assertThat(plan.actions()).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(Kind.CHANGE);
            assertThat(action.parameters()).containsEntry("policyArn", "arn:aws:iam::aws:policy/SecurityAudit");
        });
    }

    @Test
    void plan_securityHubUnreadableInOneRegion_isConflictThereAndTheOtherRegionIsPlanned() {
        FakeAccount account = FakeAccount.prepared();
        account.hubs.clear();
        account.failingReads.put("securityHub eu-west-1", new AccessDeniedException("securityhub:DescribeHub in "
            + "eu-west-1 failed: AccessDeniedException (HTTP 403)", "aws", "securityhub:DescribeHub", "eu-west-1",
            403, "AccessDeniedException", "req-1", "securityhub:DescribeHub", null));

        ProvisioningPlan plan = Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults());

        assertThat(Plans.steps(plan)).containsExactly("ENABLE_SECURITY_HUB us-east-1 securityhub/hub",
            "ENABLE_STANDARD us-east-1 securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0");
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.region()).hasValue("eu-west-1");
            assertThat(conflict.description()).contains("Could not read securityhub/hub in eu-west-1",
                "AccessDeniedException");
            assertThat(conflict.resolution()).startsWith("Allow securityhub:DescribeHub");
        });
    }

    @Test
    void plan_regionNotEnabled_isConflictAndNeverRead() {
        FakeAccount account = FakeAccount.prepared();
        account.failingReads.put("securityHub ap-east-1", new IllegalStateException("must not be called"));
        ConnectorSpec spec = ConnectorSpec.builder().from(Plans.assumeRoleSpec())
            .regions(List.of("us-east-1", "eu-west-1", "ap-east-1")).build();

        ProvisioningPlan plan = Plans.planner(account).plan(spec, ProvisioningOptions.defaults());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.resource()).isEqualTo("region/ap-east-1");
            assertThat(conflict.description()).contains("not enabled");
        });
    }

    @Test
    void plan_credentialsOfAnotherAccount_throwsNotReadyAndPlansNothing() {
        FakeAccount account = new FakeAccount();
        account.callerAccount = "999999999999";

        assertThatThrownBy(() -> Plans.planner(account).plan(Plans.assumeRoleSpec(), ProvisioningOptions.defaults()))
            .isInstanceOf(NotReadyException.class)
            .hasMessageContaining("in account 999999999999, but the spec names account 123456789012");
    }

    private static ProvisioningAction only(ProvisioningPlan plan, Operation operation, String region) {
        List<ProvisioningAction> matching = plan.actions().stream().filter(action -> action.operation() == operation
            && action.region().orElse("-").equals(region == null ? "-" : region)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
