package io.cloudconnector.internal.accounts;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FleetTemplate;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.SecurityHubMember;
import java.time.Instant;

/** Specs, templates, members and findings of a fake estate; the values are fake and shaped like real ones. */
final class Estates {

    static final String ADMIN = "111111111111";
    static final String ADMIN_SUBSCRIPTION = "aaaaaaaa-0000-4000-8000-000000000000";
    static final String DEFAULT_SUBSCRIPTION = "bbbbbbbb-0000-4000-8000-000000000000";
    static final String MAPPED_SUBSCRIPTION = "cccccccc-0000-4000-8000-000000000000";
    static final String TENANT = "dddddddd-0000-4000-8000-000000000000";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Estates() {
    }

    /** The administrator's spec: assume-role in {@code partition}, the fake estate's regions. */
    static ConnectorSpec administrator(String partition) {
        return ConnectorSpec.builder().displayName("aws-admin").subscriptionId(ADMIN_SUBSCRIPTION).tenantId(TENANT)
            .awsAccountId(ADMIN)
            .authentication(AwsAuthentication.assumeRole("arn:" + partition + ":iam::" + ADMIN + ":role/AscConnector"))
            .addRegions("us-east-1", "eu-west-1")
            .build();
    }

    static ConnectorSpec administrator() {
        return administrator("aws");
    }

    /** A template assuming {@code AscConnector}, the default subscription for every member, shared Arc settings. */
    static FleetTemplate.Builder template() {
        return FleetTemplate.builder().roleName("AscConnector").defaultSubscriptionId(DEFAULT_SUBSCRIPTION)
            .arc(ArcSettings.builder().resourceGroup("rg-arc").azureRegion("westus2")
                .servicePrincipalId("eeeeeeee-0000-4000-8000-000000000000")
                .servicePrincipalSecret(Secret.of("sp~Secret.Value-0123456789")).build())
            .addRegions("us-east-1", "eu-west-1");
    }

    /** The member {@code 2000000000nn}. */
    static String member(int n) {
        return String.format("2%011d", n);
    }

    static SecurityHubMember listed(String accountId, String status) {
        return SecurityHubMember.builder().accountId(accountId).memberStatus(status).administratorId(ADMIN).build();
    }

    /** A valid finding of {@code account} with {@code severity}, updated {@code minutes} after T0. */
    static AsffFinding finding(String id, String account, String severity, int minutes) {
        String time = T0.plusSeconds(60L * minutes).toString();
        return AsffFinding.builder().id(id).productArn("arn:aws:securityhub:us-east-1::product/aws/guardduty")
            .productName("GuardDuty").generatorId("generator-" + id).awsAccountId(account).region("us-east-1")
            .title("Title of " + id).description("Description of " + id).severityLabel(severity)
            .createdAt(T0.toString()).updatedAt(time).recordState("ACTIVE").workflowStatus("NEW")
            .addResources(AsffFinding.AsffResource.builder().type("AwsEc2Instance")
                .id("arn:aws:ec2:us-east-1:" + account + ":instance/i-0abc" + id).partition("aws").build())
            .build();
    }
}
