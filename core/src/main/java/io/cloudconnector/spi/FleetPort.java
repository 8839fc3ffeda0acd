package io.cloudconnector.spi;

import io.cloudconnector.ConnectorSpec;
import java.util.List;
import java.util.Optional;

/**
 * EC2 instances, their SSM status, and SSM Run Command, one region per call. Every list method reads every page.
 * Methods throw {@link io.cloudconnector.ConnectorException} subtypes when AWS answers with an error.
 */
public interface FleetPort {

    /** Every EC2 instance of the region that is not terminated ({@code ec2:DescribeInstances}, all pages). */
    List<Ec2Instance> instances(ConnectorSpec spec, String region);

    /** Every SSM-managed EC2 instance of the region ({@code ssm:DescribeInstanceInformation}, all pages). */
    List<ManagedInstance> managedInstances(ConnectorSpec spec, String region);

    /** Sends one Run Command ({@code ssm:SendCommand}) and returns its command ID. */
    String sendCommand(ConnectorSpec spec, String region, RunCommand command);

    /**
     * The result of a command on one instance ({@code ssm:GetCommandInvocation}); empty while SSM answers
     * {@code InvocationDoesNotExist}, which it does for a moment right after {@code SendCommand}.
     */
    Optional<CommandInvocation> invocation(ConnectorSpec spec, String region, String commandId, String instanceId);
}
