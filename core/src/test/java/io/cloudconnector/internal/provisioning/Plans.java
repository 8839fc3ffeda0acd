package io.cloudconnector.internal.provisioning;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ProvisioningAction;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AzureSide;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Specs, options and helpers shared by the provisioning tests. */
final class Plans {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:15:30Z"), ZoneOffset.UTC);
    static final String ARC_GROUP = "arc-machines";
    static final String SP_NAME = "AscArcOnboarding-123456789012";

    private Plans() {
    }

    static ConnectorSpec assumeRoleSpec() {
        return base().authentication(AwsAuthentication.assumeRole(
            "arn:aws:iam::123456789012:role/AscConnector")).build();
    }

    static ConnectorSpec accessKeySpec() {
        return base().authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
            Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))).build();
    }

    private static ConnectorSpec.Builder base() {
        ConnectorSpec.Builder builder = ConnectorSpec.builder();
        builder.displayName("prod-account").subscriptionId(FakeAccount.SUBSCRIPTION)
            .tenantId("9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b").awsAccountId(FakeAccount.ACCOUNT)
            .addRegions("us-east-1", "eu-west-1");
        return builder;
    }

    /** Everything on: the bucket created, the user and its access key. */
    static ProvisioningOptions everything() {
        return ProvisioningOptions.builder().createConfigBucket(true).createUser(true).createAccessKey(true).build();
    }

    /** The service principal on, for resource group {@value #ARC_GROUP} in West US 2. */
    static ProvisioningOptions servicePrincipal() {
        return ProvisioningOptions.builder().createServicePrincipal(true).arcResourceGroup(ARC_GROUP)
            .arcRegion("West US 2").build();
    }

    /** A planner whose Azure side cannot provision: enough for every plan without the service principal. */
    static ProvisioningPlanner planner(FakeAccount account) {
        return planner(account, new NoAzure());
    }

    static ProvisioningPlanner planner(FakeAccount account, AzureSide azure) {
        return new ProvisioningPlanner(account, azure, 2, CLOCK);
    }

    static ProvisioningApplier applier(FakeAccount account) {
        return applier(account, new NoAzure());
    }

    static ProvisioningApplier applier(FakeAccount account, AzureSide azure) {
        return new ProvisioningApplier(account, azure, planner(account, azure), CLOCK);
    }

    /** Each action as {@code OPERATION region resource}, region {@code -} for account-wide ones. */
    static List<String> steps(ProvisioningPlan plan) {
        return plan.actions().stream().map(Plans::step).toList();
    }

    static String step(ProvisioningAction action) {
        return action.operation() + " " + action.region().orElse("-") + " " + action.resource();
    }
}
