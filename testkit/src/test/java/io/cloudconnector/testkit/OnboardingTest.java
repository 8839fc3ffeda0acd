package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/** SSM Run Command through the real SSM client, and its effect on Azure Arc. */
class OnboardingTest {

    private static CloudSandbox sandbox;
    private static AwsTestClients clients;
    private static SsmClient ssm;

    @BeforeAll
    static void start() {
        sandbox = CloudSandbox.start();
        clients = new AwsTestClients(sandbox);
        ssm = clients.build(SsmClient.builder(), "us-east-1");
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void sendCommand_onboardingScript_raceThenPendingInProgressSuccessThenArcMachine() {
        SandboxSeed.Instance instance = instance("web-prod-01");
        SandboxSeed.Azure azure = sandbox.seed().azure();
        String script = "RG='" + azure.resourceGroup() + "'\n"
            + "azcmagent connect --service-principal-id '" + azure.arcServicePrincipalId() + "' \\\n"
            + "  --resource-group \"$RG\" --location '" + azure.location() + "' --subscription-id '"
            + azure.subscriptionId() + "' --tags \"AccountId=123456789012,InstanceId=" + instance.instanceId()
            + ",Connector='aws sandbox'\"";
        String commandId = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript")
            .instanceIds(instance.instanceId()).parameters(java.util.Map.of("commands", List.of(script))))
            .command().commandId();

        assertThatThrownBy(() -> poll(commandId, instance)).isInstanceOf(InvocationDoesNotExistException.class);
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(poll(commandId, instance).statusAsString());
        }

        assertThat(statuses).containsExactly("Pending", "InProgress", "Success");
        JsonNode machine = machine(instance.instanceId());
        assertThat(machine.at("/properties/status").asText()).isEqualTo("Connected");
        assertThat(machine.at("/tags/Connector").asText()).isEqualTo("aws sandbox");
    }

    @Test
    void sendCommand_instanceWhoseOnboardingFails_endsFailedWithErrorOutput() {
        SandboxSeed.Instance instance = instance("db-prod-01");
        String commandId = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript")
            .instanceIds(instance.instanceId())
            .parameters(java.util.Map.of("commands", List.of("azcmagent connect --resource-group rg"))))
            .command().commandId();

        assertThatThrownBy(() -> poll(commandId, instance)).isInstanceOf(InvocationDoesNotExistException.class);
        poll(commandId, instance);
        poll(commandId, instance);
        GetCommandInvocationResponse done = poll(commandId, instance);

        assertThat(done.statusAsString()).isEqualTo("Failed");
        assertThat(done.responseCode()).isEqualTo(1);
        assertThat(done.standardErrorContent()).contains("aka.ms");
    }

    @Test
    void sendCommand_instanceWithoutSsm_isInvalidInstanceId() {
        SandboxSeed.Instance instance = instance("legacy-app-01");

        assertThatThrownBy(() -> ssm.sendCommand(r -> r.documentName("AWS-RunShellScript")
            .instanceIds(instance.instanceId()).parameters(java.util.Map.of("commands", List.of("true")))))
            .isInstanceOf(InvalidInstanceIdException.class);
    }

    private static GetCommandInvocationResponse poll(String commandId, SandboxSeed.Instance instance) {
        return ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instance.instanceId()));
    }

    private static SandboxSeed.Instance instance(String name) {
        return sandbox.seed().instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode machine(String name) {
        ArmTestClient arm = new ArmTestClient(sandbox);
        SandboxSeed.Azure azure = sandbox.seed().azure();
        return ArmTestClient.read(arm.send("GET", "/subscriptions/" + azure.subscriptionId() + "/resourceGroups/"
            + azure.resourceGroup() + "/providers/Microsoft.HybridCompute/machines/" + name
            + "?api-version=2022-12-27", null, arm.bearer()).body());
    }
}
