package io.cloudconnector.internal.readiness;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.CallerIdentity;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.ConfigRecorderFacts;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import io.cloudconnector.spi.IamPrincipalFacts;
import io.cloudconnector.spi.ManagedInstance;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.RunCommand;
import io.cloudconnector.spi.SecurityHubFacts;
import io.cloudconnector.spi.StandardSubscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AWS side over hand-built facts. Every region answers with a healthy default unless told otherwise; a region
 * listed in {@link #failingRegions} answers every call with the given exception. Records the regions it was asked
 * about.
 */
class FakeAws implements AwsSide, AccountPort, FleetPort {

    CallerIdentity identity = CallerIdentity.builder().account(Fixtures.ACCOUNT)
        .arn("arn:aws:sts::123456789012:assumed-role/AscConnector/cloud-connector-sdk").userId("AROAEXAMPLE").build();
    RuntimeException identityFailure;
    List<RegionInfo> regions = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
        RegionInfo.of("eu-west-1", "opt-in-not-required"), RegionInfo.of("ap-east-1", "not-opted-in"));
    RuntimeException regionsFailure;
    final Map<String, RuntimeException> failingRegions = new HashMap<>();
    final Map<String, RuntimeException> failingSecurityHub = new HashMap<>();
    final Map<String, IamPrincipalFacts> roles = new HashMap<>();
    final Map<String, IamPrincipalFacts> users = new HashMap<>();
    final List<String> userLookups = Collections.synchronizedList(new ArrayList<>());
    final Set<String> calledRegions = ConcurrentHashMap.newKeySet();

    FakeAws() {
        roles.put("AscConnector", Fixtures.role(Fixtures.policy("[" + Fixtures.documentedStatement(
            Fixtures.SUBSCRIPTION) + "]"), Fixtures.rolePolicies().toArray(String[]::new)));
    }

    @Override
    public AccountPort account() {
        return this;
    }

    @Override
    public FleetPort fleet() {
        return this;
    }

    @Override
    public FindingsPort findings() {
        throw new UnsupportedOperationException("not used by the readiness check");
    }

    @Override
    public void close() {
    }

    @Override
    public CallerIdentity callerIdentity(ConnectorSpec spec) {
        if (identityFailure != null) {
            throw identityFailure;
        }
        return identity;
    }

    @Override
    public List<RegionInfo> regions(ConnectorSpec spec) {
        if (regionsFailure != null) {
            throw regionsFailure;
        }
        return regions;
    }

    @Override
    public ConfigRecorderFacts configRecorder(ConnectorSpec spec, String region) {
        called(region);
        return ConfigRecorderFacts.builder().addRecorders(ConfigRecorderFacts.Recorder.builder().name("default")
            .recording(true).lastStatus("Success").allSupported(true).includeGlobalResourceTypes(true).build())
            .build();
    }

    @Override
    public SecurityHubFacts securityHub(ConnectorSpec spec, String region) {
        called(region);
        if (failingSecurityHub.containsKey(region)) {
            throw failingSecurityHub.get(region);
        }
        return SecurityHubFacts.builder().enabled(true).hubArn("arn:aws:securityhub:" + region + ":123:hub/default")
            .hasFindings(true).addStandards(StandardSubscription.builder()
                .subscriptionArn("arn:aws:securityhub:" + region + ":123:subscription/cis/v/3.0.0")
                .standardsArn("arn:aws:securityhub:" + region + "::standards/cis-aws-foundations-benchmark/v/3.0.0")
                .status("READY").build())
            .build();
    }

    @Override
    public Optional<IamPrincipalFacts> role(ConnectorSpec spec, String roleName) {
        return Optional.ofNullable(roles.get(roleName));
    }

    @Override
    public Optional<IamPrincipalFacts> user(ConnectorSpec spec, String userName) {
        userLookups.add(userName);
        return Optional.ofNullable(users.get(userName));
    }

    @Override
    public List<Ec2Instance> instances(ConnectorSpec spec, String region) {
        called(region);
        return List.of(Ec2Instance.builder().instanceId("i-0" + region.hashCode()).region(region).state("running")
            .instanceProfileArn("arn:aws:iam::123456789012:instance-profile/ssm").build());
    }

    @Override
    public List<ManagedInstance> managedInstances(ConnectorSpec spec, String region) {
        called(region);
        return List.of(ManagedInstance.builder().instanceId("i-0" + region.hashCode()).pingStatus("Online").build());
    }

    @Override
    public String sendCommand(ConnectorSpec spec, String region, RunCommand command) {
        throw new UnsupportedOperationException("not used by the readiness check");
    }

    @Override
    public Optional<CommandInvocation> invocation(ConnectorSpec spec, String region, String commandId,
        String instanceId) {
        throw new UnsupportedOperationException("not used by the readiness check");
    }

    private void called(String region) {
        calledRegions.add(region);
        if (failingRegions.containsKey(region)) {
            throw failingRegions.get(region);
        }
    }
}
