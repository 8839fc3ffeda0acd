package io.cloudconnector.internal.accounts;

import static io.cloudconnector.internal.accounts.Estates.ADMIN;
import static io.cloudconnector.internal.accounts.Estates.DEFAULT_SUBSCRIPTION;
import static io.cloudconnector.internal.accounts.Estates.MAPPED_SUBSCRIPTION;
import static io.cloudconnector.internal.accounts.Estates.listed;
import static io.cloudconnector.internal.accounts.Estates.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.AwsAuthentication.AssumeRole;
import io.cloudconnector.ConnectorGeneration;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.FleetTemplate;
import io.cloudconnector.InvalidSpecException;
import io.cloudconnector.MemberAccount;
import io.cloudconnector.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPlannerTest {

    private static final List<io.cloudconnector.spi.SecurityHubMember> LISTED = List.of(
        listed(member(1), "Enabled"), listed(member(2), "Removed"), listed(member(3), "ASSOCIATED"),
        listed(member(4), "Invited"));

    @Test
    void plan_membersNotEnabled_excludedByDefault() {
        FleetPlan plan = FleetPlanner.plan(Estates.administrator(), Estates.template().build(), LISTED);

        assertThat(plan.specs()).extracting(ConnectorSpec::awsAccountId).containsExactly(ADMIN, member(1), member(3));
        assertThat(plan.excluded()).containsExactly(MemberAccount.of(member(2), "Removed"),
            MemberAccount.of(member(4), "Invited"));
        assertThat(plan.members()).hasSize(4);
    }

    @Test
    void plan_includeAllMembers_everyMemberGetsASpec() {
        FleetPlan plan = FleetPlanner.plan(Estates.administrator(), Estates.template().includeAllMembers(true).build(),
            LISTED);

        assertThat(plan.specs()).extracting(ConnectorSpec::awsAccountId)
            .containsExactly(ADMIN, member(1), member(2), member(3), member(4));
        assertThat(plan.excluded()).isEmpty();
    }

    @Test
    void plan_memberRole_carriesTheMembersAccountInTheAdministratorsPartition() {
        FleetPlan plan = FleetPlanner.plan(Estates.administrator("aws-us-gov"),
            Estates.template().roleName("security/AscConnector").build(), List.of(listed(member(1), "Enabled")));

        assertThat(role(plan.specs().get(1)).roleArn())
            .isEqualTo("arn:aws-us-gov:iam::" + member(1) + ":role/security/AscConnector");
        assertThat(plan.specs().get(0)).isSameAs(plan.administrator());
    }

    @Test
    void plan_administratorWithAccessKeys_membersInTheAwsPartition() {
        ConnectorSpec administrator = ConnectorSpec.builder().from(Estates.administrator())
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .build();

        FleetPlan plan = FleetPlanner.plan(administrator, Estates.template().build(),
            List.of(listed(member(1), "Enabled")));

        assertThat(role(plan.specs().get(1)).roleArn()).isEqualTo("arn:aws:iam::" + member(1) + ":role/AscConnector");
    }

    @Test
    void plan_subscriptionMapping_takesPrecedenceOverTheDefault() {
        FleetPlan plan = FleetPlanner.plan(Estates.administrator(),
            Estates.template().putSubscriptions(member(3), MAPPED_SUBSCRIPTION).build(), LISTED);

        assertThat(plan.specs()).extracting(ConnectorSpec::subscriptionId)
            .containsExactly(Estates.ADMIN_SUBSCRIPTION, DEFAULT_SUBSCRIPTION, MAPPED_SUBSCRIPTION);
        assertThat(plan.specs().get(2).externalId()).contains(MAPPED_SUBSCRIPTION);
    }

    @Test
    void plan_templateSettings_sharedByEveryMember() {
        FleetTemplate template = Estates.template().externalId("org-wide-external-id").tenantId(
            "ffffffff-0000-4000-8000-000000000000").generation(ConnectorGeneration.CURRENT).displayNamePrefix("org-")
            .build();

        ConnectorSpec member = FleetPlanner.plan(Estates.administrator(), template,
            List.of(listed(member(1), "Enabled"))).specs().get(1);

        assertThat(member.displayName()).isEqualTo("org-" + member(1));
        assertThat(member.externalId()).contains("org-wide-external-id");
        assertThat(member.tenantId()).isEqualTo("ffffffff-0000-4000-8000-000000000000");
        assertThat(member.generation()).isEqualTo(ConnectorGeneration.CURRENT);
        assertThat(member.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(member.arc()).isEqualTo(template.arc());
    }

    @Test
    void plan_tenantNotInTemplate_administratorsTenant() {
        ConnectorSpec member = FleetPlanner.plan(Estates.administrator(), Estates.template().build(),
            List.of(listed(member(1), "Enabled"))).specs().get(1);

        assertThat(member.tenantId()).isEqualTo(Estates.TENANT);
    }

    @Test
    void plan_noSubscriptionForSomeAccounts_namesEachOfThem() {
        FleetTemplate template = FleetTemplate.builder().from(Estates.template().build())
            .defaultSubscriptionId(java.util.Optional.empty()).putSubscriptions(member(1), MAPPED_SUBSCRIPTION).build();

        assertThatThrownBy(() -> FleetPlanner.plan(Estates.administrator(), template,
            List.of(listed(member(1), "Enabled"), listed(member(2), "Enabled"), listed(member(3), "Enabled"))))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("2 problems")
            .hasMessageContaining("subscriptions[" + member(2) + "]: is missing: map AWS account " + member(2))
            .hasMessageContaining("subscriptions[" + member(3) + "]")
            .hasMessageNotContaining("subscriptions[" + member(1) + "]");
    }

    @Test
    void plan_memberListedTwiceAndAdministratorListed_eachAccountOnce() {
        FleetPlan plan = FleetPlanner.plan(Estates.administrator(), Estates.template().build(), List.of(
            listed(member(1), "Enabled"), listed(ADMIN, "Enabled"), listed(member(1), "Enabled")));

        assertThat(plan.specs()).extracting(ConnectorSpec::awsAccountId).containsExactly(ADMIN, member(1));
    }

    @Test
    void plan_memberSpecBreaksARule_violationNamesTheMember() {
        FleetTemplate template = Estates.template().putSubscriptions(member(1), "not-a-guid").build();

        assertThatThrownBy(() -> FleetPlanner.plan(Estates.administrator(), template,
            List.of(listed(member(1), "Enabled"))))
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("members[" + member(1) + "].subscriptionId: must be a GUID");
    }

    @Test
    void template_roleNameNotAnIamName_rejected() {
        assertThatThrownBy(() -> Estates.template().roleName("Asc Connector!").build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("template.roleName: must be an IAM role name");
    }

    @Test
    void template_mappingNotKeyedByAccountIds_rejected() {
        assertThatThrownBy(() -> Estates.template().putSubscriptions("prod", MAPPED_SUBSCRIPTION).build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("template.subscriptions: must be keyed by 12-digit AWS account IDs (was 'prod')");
    }

    @Test
    void template_withoutRoleName_namesTheMissingField() {
        assertThatThrownBy(() -> FleetTemplate.builder().build())
            .isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("template.roleName: is required");
    }

    private static AssumeRole role(ConnectorSpec spec) {
        return (AssumeRole) spec.authentication();
    }
}
