package io.cloudconnector.aws.internal;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.spi.RunCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * {@link FleetPort} over EC2 and SSM: {@code ec2:DescribeInstances} (1,000 per page), {@code
 * ssm:DescribeInstanceInformation} (50 per page), {@code ssm:SendCommand} and {@code ssm:GetCommandInvocation}. Every
 * page is read, each page one call through {@link AwsCalls}; {@code SendCommand} is never sent twice unless AWS said it
 * did not process it. Failures become {@link io.cloudconnector.ConnectorException}s naming operation and region. The
 * command's script is never logged.
 */
public final class AwsFleet implements FleetPort {

    /** EC2's largest page of DescribeInstances. */
    static final int EC2_PAGE_SIZE = 1000;

    /** SSM's largest page of DescribeInstanceInformation. */
    static final int SSM_PAGE_SIZE = 50;

    private final AwsClients clients;

    public AwsFleet(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Ec2Instance> instances(ConnectorSpec spec, String region) {
        Ec2Client ec2 = clients.ec2(spec, region);
        List<Ec2Instance> instances = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), "ec2:DescribeInstances", region,
            token -> ec2.describeInstances(request -> request.maxResults(EC2_PAGE_SIZE).nextToken(token)),
            DescribeInstancesResponse::nextToken,
            page -> page.reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .filter(instance -> instance.state() == null
                    || instance.state().name() != InstanceStateName.TERMINATED)
                .map(instance -> toInstance(instance, region))
                .forEach(instances::add));
        return instances;
    }

    @Override
    public List<ManagedInstance> managedInstances(ConnectorSpec spec, String region) {
        SsmClient ssm = clients.ssm(spec, region);
        List<ManagedInstance> managed = new ArrayList<>();
        clients.calls().forEachPage(spec.awsAccountId(), "ssm:DescribeInstanceInformation", region,
            token -> ssm.describeInstanceInformation(request -> request.maxResults(SSM_PAGE_SIZE).nextToken(token)),
            DescribeInstanceInformationResponse::nextToken,
            page -> page.instanceInformationList().stream().map(AwsFleet::toManaged).forEach(managed::add));
        return managed;
    }

    @Override
    public String sendCommand(ConnectorSpec spec, String region, RunCommand command) {
        SendCommandRequest request = SendCommandRequest.builder()
            .documentName(command.documentName())
            .instanceIds(command.instanceIds())
            .parameters(Map.of(
                "commands", command.commands(),
                "executionTimeout", List.of(Long.toString(command.executionTimeout().toSeconds()))))
            .maxConcurrency(command.maxConcurrency())
            .maxErrors(command.maxErrors())
            .comment(command.comment())
            .build();
        return clients.calls().callNotIdempotent(spec.awsAccountId(), "ssm:SendCommand", region,
            () -> clients.ssm(spec, region).sendCommand(request).command().commandId());
    }

    @Override
    public Optional<CommandInvocation> invocation(ConnectorSpec spec, String region, String commandId,
        String instanceId) {
        return clients.calls().call(spec.awsAccountId(), "ssm:GetCommandInvocation", region, () -> {
            try {
                GetCommandInvocationResponse response = clients.ssm(spec, region)
                    .getCommandInvocation(request -> request.commandId(commandId).instanceId(instanceId));
                return Optional.of(toInvocation(response, instanceId));
            } catch (InvocationDoesNotExistException e) {
                return Optional.empty();
            }
        });
    }

    private static Ec2Instance toInstance(Instance instance, String region) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : instance.tags()) {
            tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return Ec2Instance.builder()
            .instanceId(instance.instanceId())
            .region(region)
            .state(instance.state() == null ? "unknown" : instance.state().nameAsString())
            .platform(Optional.ofNullable(instance.platformAsString()).filter(value -> !value.isBlank()))
            .platformDetails(Optional.ofNullable(instance.platformDetails()))
            .architecture(Optional.ofNullable(instance.architectureAsString()))
            .instanceProfileArn(Optional.ofNullable(instance.iamInstanceProfile()).map(profile -> profile.arn()))
            .tags(tags)
            .build();
    }

    private static ManagedInstance toManaged(InstanceInformation info) {
        return ManagedInstance.builder()
            .instanceId(info.instanceId())
            .pingStatus(info.pingStatusAsString() == null ? "Unknown" : info.pingStatusAsString())
            .agentVersion(Optional.ofNullable(info.agentVersion()))
            .platformType(Optional.ofNullable(info.platformTypeAsString()))
            .platformName(Optional.ofNullable(info.platformName()))
            .platformVersion(Optional.ofNullable(info.platformVersion()))
            .build();
    }

    private static CommandInvocation toInvocation(GetCommandInvocationResponse response, String instanceId) {
        return CommandInvocation.builder()
            .instanceId(instanceId)
            .status(orEmpty(response.statusAsString()))
            .statusDetails(orEmpty(response.statusDetails()))
            .standardOutput(orEmpty(response.standardOutputContent()))
            .standardError(orEmpty(response.standardErrorContent()))
            .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
