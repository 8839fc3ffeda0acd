package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's Azure side over HTTPS with java.net.http, trusting the generated certificate. */
class AzureProtocolTest {

    private static final String API = "?api-version=2020-01-01-preview";

    private static CloudSandbox sandbox;
    private static ArmTestClient arm;
    private static String subscription;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.start();
        arm = new ArmTestClient(sandbox);
        subscription = sandbox.seed().azure().subscriptionId();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void token_rightSecret_issuesBearerToken() {
        SandboxSeed.Azure azure = sandbox.seed().azure();

        HttpResponse<String> response = arm.token(azure.clientId(), azure.clientSecret());

        JsonNode body = ArmTestClient.read(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(sandbox.secrets()).contains(body.get("access_token").asText());
    }

    @Test
    void token_wrongSecret_isInvalidClient() {
        HttpResponse<String> response = arm.token(sandbox.seed().azure().clientId(), "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ArmTestClient.read(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void arm_withoutBearer_isUnauthorizedWithArmError() {
        HttpResponse<String> response = arm.send("GET", connectors() + API, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ArmTestClient.read(response.body()).at("/error/code").asText()).isEqualTo("AuthenticationFailed");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
            assertThat(v).startsWith("Bearer"));
    }

    @Test
    void putConnector_assumeRole_isReadBackWithStatesAndWithoutSecret() {
        String bearer = arm.bearer();
        SandboxSeed seed = sandbox.seed();
        String body = "{\"properties\":{\"hybridComputeSettings\":{\"autoProvision\":\"On\",\"resourceGroupName\":\""
            + seed.azure().resourceGroup() + "\",\"region\":\"westus2\",\"servicePrincipal\":{\"applicationId\":\""
            + seed.azure().arcServicePrincipalId() + "\",\"secret\":\"" + seed.azure().arcServicePrincipalSecret()
            + "\"}},\"authenticationDetails\":{\"authenticationType\":\"awsAssumeRole\",\"awsAssumeRoleArn\":\""
            + seed.connectorRoleArn() + "\",\"awsExternalId\":\"" + subscription + "\"}}}";

        HttpResponse<String> put = arm.send("PUT", connectors() + "/aws-sandbox" + API, body, bearer);
        JsonNode read = ArmTestClient.read(arm.send("GET", connectors() + "/aws-sandbox" + API, null, bearer).body());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(read.at("/properties/hybridComputeSettings/servicePrincipal/secret").asText()).isEmpty();
        assertThat(read.at("/properties/hybridComputeSettings/hybridComputeProvisioningState").asText())
            .isEqualTo("Valid");
        assertThat(read.at("/properties/authenticationDetails/authenticationProvisioningState").asText())
            .isEqualTo("IncorrectPolicy");
        assertThat(read.at("/properties/authenticationDetails/grantedPermissions").toString())
            .contains("AWS::SecurityAudit").doesNotContain("AWSSecurityHubReadOnlyAccess");
        assertThat(put.body()).doesNotContain(seed.azure().arcServicePrincipalSecret());
    }

    @Test
    void listConnectors_moreThanAPage_followsNextLink() {
        String bearer = arm.bearer();
        String body = "{\"properties\":{\"hybridComputeSettings\":{\"autoProvision\":\"Off\"},"
            + "\"authenticationDetails\":{\"authenticationType\":\"awsCreds\","
            + "\"awsAccessKeyId\":\"AKIAUNKNOWN000000000\","
            + "\"awsSecretAccessKey\":\"x\"}}}";
        arm.send("PUT", connectors() + "/keys-a" + API, body, bearer);
        arm.send("PUT", connectors() + "/keys-b" + API, body, bearer);

        List<String> names = new ArrayList<>();
        String next = sandbox.armUri() + connectors() + API;
        int pages = 0;
        while (next != null && !next.isEmpty()) {
            JsonNode page = ArmTestClient.read(arm.send("GET", next.substring(sandbox.armUri().toString().length()),
                null, bearer).body());
            page.get("value").forEach(c -> names.add(c.get("name").asText()));
            next = page.path("nextLink").asText(null);
            pages++;
        }

        assertThat(names).contains("gcp-dev", "keys-a", "keys-b").doesNotHaveDuplicates();
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void deleteConnector_absent_is204() {
        HttpResponse<String> response = arm.send("DELETE", connectors() + "/never-created" + API, null, arm.bearer());

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void listMachines_seededResourceGroup_hasTheTwoConnectedMachines() {
        String path = "/subscriptions/" + subscription + "/resourceGroups/" + sandbox.seed().azure().resourceGroup()
            + "/providers/Microsoft.HybridCompute/machines?api-version=2022-12-27";

        JsonNode page = ArmTestClient.read(arm.send("GET", path, null, arm.bearer()).body());

        assertThat(page.get("value")).hasSize(2);
        page.get("value").forEach(m -> assertThat(m.at("/properties/status").asText()).isEqualTo("Connected"));
    }

    @Test
    void putAssessment_afterItsMetadata_isListedAtTheSubscription() {
        String bearer = arm.bearer();
        String metadata = "/subscriptions/" + subscription + "/providers/Microsoft.Security/assessmentMetadata/"
            + "0b5f2f64-0000-4000-8000-000000000013?api-version=2020-01-01";
        String resource = "/subscriptions/" + subscription + "/resourceGroups/aws-connector-rg/providers/"
            + "Microsoft.HybridCompute/machines/i-0abc";
        arm.send("PUT", metadata, "{\"properties\":{\"displayName\":\"CIS 1.13 root MFA\",\"severity\":\"High\","
            + "\"assessmentType\":\"CustomerManaged\",\"description\":\"d\"}}", bearer);

        HttpResponse<String> put = arm.send("PUT", resource + "/providers/Microsoft.Security/assessments/"
            + "0b5f2f64-0000-4000-8000-000000000013?api-version=2020-01-01", "{\"properties\":{\"resourceDetails\":"
            + "{\"Source\":\"OnPremise\"},\"status\":{\"code\":\"Unhealthy\",\"cause\":\"FAILED\"}}}", bearer);
        JsonNode list = ArmTestClient.read(arm.send("GET", "/subscriptions/" + subscription
            + "/providers/Microsoft.Security/assessments?api-version=2020-01-01", null, bearer).body());

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(list.get("value")).singleElement().satisfies(a ->
            assertThat(a.at("/properties/displayName").asText()).isEqualTo("CIS 1.13 root MFA"));
    }

    @Test
    void registerProvider_notRegistered_becomesRegistered() {
        String bearer = arm.bearer();
        String path = "/subscriptions/" + subscription + "/providers/Microsoft.GuestConfiguration";

        JsonNode before = ArmTestClient.read(arm.send("GET", path + "?api-version=2021-04-01", null, bearer).body());
        JsonNode registering = ArmTestClient.read(arm.send("POST", path + "/register?api-version=2021-04-01", null,
            bearer).body());
        JsonNode after = ArmTestClient.read(arm.send("GET", path + "?api-version=2021-04-01", null, bearer).body());

        assertThat(before.get("registrationState").asText()).isEqualTo("NotRegistered");
        assertThat(registering.get("registrationState").asText()).isEqualTo("Registering");
        assertThat(after.get("registrationState").asText()).isEqualTo("Registered");
    }

    @Test
    void inject_armThrottle_answers429WithRetryAfter() {
        String bearer = arm.bearer();
        sandbox.inject(SandboxFault.on("arm:GET connectors").throttle());

        HttpResponse<String> response = arm.send("GET", connectors() + "/gcp-dev" + API, null, bearer);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(arm.send("GET", connectors() + "/gcp-dev" + API, null, bearer).statusCode()).isEqualTo(200);
    }

    private static String connectors() {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Security/connectors";
    }
}
