package io.cloudconnector.internal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.ProvisioningPlan;
import io.cloudconnector.ProvisioningResult;
import org.junit.jupiter.api.Test;

class ProvisioningRenderingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void toText_halfPreparedPlan_listsCreateChangeAndConflictLikeTerraform() {
        ProvisioningPlan plan = Plans.planner(halfPrepared()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());

        assertThat(plan.toText()).isEqualTo("""
            Provisioning plan for AWS account 123456789012: 2 to create, 1 to change, 1 conflict \
            (planned at 2024-05-01T10:15:30Z)

            ~ change config/recorder/default (us-east-1)
                  Start recording with recorder default in us-east-1
                  why: Recorder default exists in us-east-1 but is not recording

            + create securityhub/hub (eu-west-1)
                  Enable Security Hub in eu-west-1 without its default standards
                  why: Security Hub is not enabled in eu-west-1

            + create securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0 (eu-west-1)
                  Subscribe the CIS AWS Foundations Benchmark v1.4.0 in eu-west-1
                  why: Security Hub is being enabled in eu-west-1 without standards

            ! conflict iam/role/AscConnector (account)
                  The trust policy of role AscConnector lets Microsoft's account 158177204117 assume it without \
            requiring sts:ExternalId (statement 1): anyone's Defender for Cloud connector could; the role is left as \
            it is and no policy is attached to it
                  resolve by hand: Edit the trust policy by hand (provisioning never overwrites one): IAM console > \
            Roles > AscConnector > Trust relationships > Edit trust policy, so that it allows \
            arn:aws:iam::158177204117:root sts:AssumeRole only with StringEquals sts:ExternalId \
            4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b, keeping any other statement you need:
                                   {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":\
            "arn:aws:iam::158177204117:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":\
            {"sts:ExternalId":"4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b"}}}]}
                                   or plan with another role name (ProvisioningOptions.roleName)
            """);
    }

    @Test
    void toText_emptyPlan_saysNoChanges() {
        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());

        assertThat(plan.toText()).contains("0 to create, 0 to change, 0 conflicts", "No changes",
            "Connector role: arn:aws:iam::123456789012:role/AscConnector");
    }

    @Test
    void toJson_plan_hasSummaryActionsWithParametersAndConflicts() throws Exception {
        ProvisioningPlan plan = Plans.planner(halfPrepared()).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults());

        JsonNode json = MAPPER.readTree(plan.toJson());

        assertThat(json.get("accountId").asText()).isEqualTo("123456789012");
        assertThat(json.get("plannedAt").asText()).isEqualTo("2024-05-01T10:15:30Z");
        assertThat(json.get("summary").toString()).isEqualTo("{\"create\":2,\"change\":1,\"conflict\":1}");
        assertThat(json.has("roleArn")).isFalse();
        JsonNode standard = json.get("actions").get(2);
        assertThat(standard.get("kind").asText()).isEqualTo("CREATE");
        assertThat(standard.get("operation").asText()).isEqualTo("ENABLE_STANDARD");
        assertThat(standard.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(standard.get("parameters").get("standardsArn").asText())
            .isEqualTo("arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0");
        JsonNode conflict = json.get("conflicts").get(0);
        assertThat(conflict.get("resource").asText()).isEqualTo("iam/role/AscConnector");
        assertThat(conflict.has("region")).isFalse();
        assertThat(conflict.get("resolution").asText()).contains("Edit the trust policy by hand");
    }

    @Test
    void toTextAndJson_resultStoppedAtFailure_showStatusesAndCause() throws Exception {
        FakeAccount account = halfPrepared();
        account.failingWrites.put("enableSecurityHub eu-west-1", FakeAccount.error("securityhub:EnableSecurityHub",
            "InvalidInputException (HTTP 400): not available"));
        ProvisioningResult result = Plans.applier(account).apply(Plans.planner(account).plan(Plans.assumeRoleSpec(),
            ProvisioningOptions.defaults()));

        assertThat(result.toText()).isEqualTo("""
            Provisioning of AWS account 123456789012 stopped at a failure: 1 done, 0 already done, 1 failed, \
            1 not attempted (finished at 2024-05-01T10:15:30Z)
            DONE          ~ change config/recorder/default (us-east-1): Start recording with recorder default in \
            us-east-1
            FAILED        + create securityhub/hub (eu-west-1): Enable Security Hub in eu-west-1 without its default \
            standards
                  cause: securityhub:EnableSecurityHub failed: InvalidInputException (HTTP 400): not available
            NOT_ATTEMPTED + create securityhub/standard/cis-aws-foundations-benchmark/v/1.4.0 (eu-west-1): \
            Subscribe the CIS AWS Foundations Benchmark v1.4.0 in eu-west-1
            """);
        JsonNode json = MAPPER.readTree(result.toJson());
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("summary").toString())
            .isEqualTo("{\"DONE\":1,\"ALREADY_DONE\":0,\"FAILED\":1,\"NOT_ATTEMPTED\":1}");
        assertThat(json.get("outcomes").get(1).get("cause").asText()).contains("not available");
        assertThat(json.get("outcomes").get(2).get("operation").asText()).isEqualTo("ENABLE_STANDARD");
    }

    @Test
    void toText_servicePrincipalPlan_namesTheSubscriptionAndShowsAzureActionsWithoutAccount() {
        FakeAzure azure = new FakeAzure();
        azure.providers.put("Microsoft.HybridCompute", "Registered");
        azure.providers.put("Microsoft.GuestConfiguration", "Registered");
        azure.resourceGroups.put("arc-machines", "westus2");

        ProvisioningPlan plan = Plans.planner(FakeAccount.prepared(), azure).plan(Plans.assumeRoleSpec(),
            Plans.servicePrincipal());

        assertThat(plan.toText()).isEqualTo("""
            Provisioning plan for AWS account 123456789012 and Azure subscription \
            4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b: 4 to create, 1 to change, 0 conflicts \
            (planned at 2024-05-01T10:15:30Z)

            ~ change azure/provider/Microsoft.HybridConnectivity
                  Register resource provider Microsoft.HybridConnectivity in Azure subscription \
            4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b
                  why: Resource provider Microsoft.HybridConnectivity is NotRegistered in subscription \
            4c7f3a6e-1b2d-4e5f-9a8b-0c1d2e3f4a5b; Azure Arc onboarding needs it

            + create entra/application/AscArcOnboarding-123456789012
                  Create Microsoft Entra application AscArcOnboarding-123456789012
                  why: No application in the tenant is named AscArcOnboarding-123456789012

            + create entra/servicePrincipal/AscArcOnboarding-123456789012
                  Create the service principal of application AscArcOnboarding-123456789012
                  why: Application AscArcOnboarding-123456789012 is being created

            + create entra/application/AscArcOnboarding-123456789012
                  Add a client secret valid for 365 days to application AscArcOnboarding-123456789012; its value \
            is returned once, in the result
                  why: Application AscArcOnboarding-123456789012 is being created

            + create azure/roleAssignment/arc-machines/Azure Connected Machine Onboarding
                  Assign role Azure Connected Machine Onboarding to service principal \
            AscArcOnboarding-123456789012 on resource group arc-machines
                  why: The service principal is being created

            Connector role: arn:aws:iam::123456789012:role/AscConnector

            Arc onboarding: service principal AscArcOnboarding-123456789012, resource group arc-machines in westus2
            """);
    }

    @Test
    void toTextAndJson_servicePrincipalResult_showClientIdAndExpiryButNotTheSecret() throws Exception {
        FakeAzure azure = new FakeAzure().registered();
        azure.resourceGroups.put("arc-machines", "westus2");
        FakeAccount account = FakeAccount.prepared();
        ProvisioningPlan plan = Plans.planner(account, azure).plan(Plans.assumeRoleSpec(), Plans.servicePrincipal());

        ProvisioningResult result = Plans.applier(account, azure).apply(plan);

        assertThat(result.toText()).endsWith("Client secret created for the Arc onboarding service principal, "
            + "client ID 00000000-0000-0000-0000-000000000201, expiring at 2025-05-01T10:15:30Z; it is returned once "
            + "by ProvisioningResult.servicePrincipal() and is not shown\n");
        JsonNode json = MAPPER.readTree(result.toJson());
        assertThat(json.get("servicePrincipal").toString()).isEqualTo("{\"clientId\":"
            + "\"00000000-0000-0000-0000-000000000201\",\"objectId\":\"00000000-0000-0000-0000-000000000302\","
            + "\"expiresAt\":\"2025-05-01T10:15:30Z\"}");
        assertThat(json.get("arcResourceGroup").asText()).isEqualTo("arc-machines");
        assertThat(json.get("arcRegion").asText()).isEqualTo("westus2");
        JsonNode planJson = MAPPER.readTree(plan.toJson());
        assertThat(planJson.get("servicePrincipalName").asText()).isEqualTo("AscArcOnboarding-123456789012");
        assertThat(planJson.get("actions").get(0).get("operation").asText()).isEqualTo("CREATE_APPLICATION");
        assertThat(planJson.get("actions").get(0).has("region")).isFalse();
    }

    /** Hub off in eu-west-1, the recorder stopped in us-east-1, the role without an External ID condition. */
    private static FakeAccount halfPrepared() {
        FakeAccount account = FakeAccount.prepared();
        account.hubs.remove("eu-west-1");
        account.recorders.put("us-east-1", FakeAccount.recorder("default", false, true, true));
        account.roles.put("AscConnector", FakeAccount.role("AscConnector", FakeAccount.trust(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FakeAccount.MICROSOFT_ROOT + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}")));
        return account;
    }
}
