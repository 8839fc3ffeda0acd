package io.cloudconnector.examples;

import io.cloudconnector.testkit.SandboxSeed;
import java.util.List;
import java.util.Optional;

/** Variants of the sandbox's default account for provisioning: nothing prepared, and half prepared. */
final class ProvisioningSeeds {

    static final String HUB_REGION = "us-east-1";

    private ProvisioningSeeds() {
    }

    /**
     * The default account before anyone prepared it: no Security Hub, no AWS Config recorder or delivery channel (so
     * no Config bucket or service-linked role either), no connector role, no findings. The regions, users, instances
     * and the Azure side are the default seed's.
     */
    static SandboxSeed bare() {
        SandboxSeed base = SandboxSeed.defaultSeed();
        List<SandboxSeed.Region> regions = base.regions().stream()
            .map(region -> new SandboxSeed.Region(region.name(), region.optInStatus(), Optional.empty(),
                Optional.empty()))
            .toList();
        return new SandboxSeed(base.accountId(), base.callerUserName(), regions, base.specRegions(),
            base.connectorRoleName(), base.onboardingUserName(), List.of(), base.users(), base.instances(),
            base.standards(), List.of(), Optional.empty(), List.of(), base.azure());
    }

    /**
     * The default account half prepared: Security Hub only in {@value #HUB_REGION}, and the connector role, with its
     * policies, trusting Microsoft's account without requiring an External ID.
     */
    static SandboxSeed halfPrepared() {
        SandboxSeed base = SandboxSeed.defaultSeed();
        List<SandboxSeed.Region> regions = base.regions().stream()
            .map(region -> new SandboxSeed.Region(region.name(), region.optInStatus(), region.config(),
                region.name().equals(HUB_REGION) ? region.securityHub() : Optional.empty()))
            .toList();
        SandboxSeed.Role connector = base.role(base.connectorRoleName()).orElseThrow();
        String trustWithoutExternalId = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + SandboxSeed.MICROSOFT_ACCOUNT_ID + ":root\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}";
        SandboxSeed.Role role = new SandboxSeed.Role(connector.name(), trustWithoutExternalId,
            connector.attachedPolicyArns(), connector.maxSessionDurationSeconds());
        return new SandboxSeed(base.accountId(), base.callerUserName(), regions, base.specRegions(),
            base.connectorRoleName(), base.onboardingUserName(), List.of(role), base.users(), base.instances(),
            base.standards(), base.findings(), base.aggregator(), base.memberAccountIds(), base.azure());
    }
}
