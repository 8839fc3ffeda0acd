package io.cloudconnector.examples;

import io.cloudconnector.ProvisioningOptions;
import io.cloudconnector.testkit.SandboxSeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Variants of the sandbox's default account for provisioning: nothing prepared, and half prepared. */
final class ProvisioningSeeds {

    static final String HUB_REGION = "us-east-1";

    /** The resource providers Azure Arc onboarding needs. */
    static final List<String> ARC_PROVIDERS = List.of("Microsoft.HybridCompute", "Microsoft.GuestConfiguration",
        "Microsoft.HybridConnectivity");

    /** The name provisioning gives the Arc onboarding service principal of the default account. */
    static final String SERVICE_PRINCIPAL_NAME = ProvisioningOptions.DEFAULT_SERVICE_PRINCIPAL_PREFIX
        + SandboxSeed.defaultSeed().accountId();

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

    /**
     * The default account with an Azure tenant and subscription that nobody prepared for Arc onboarding at scale: the
     * Arc resource providers not registered, no resource group, no Entra application, no role assignment. The AWS
     * side is the default seed's.
     */
    static SandboxSeed bareTenant() {
        SandboxSeed base = SandboxSeed.defaultSeed();
        SandboxSeed.Azure azure = base.azure();
        Map<String, String> providers = new LinkedHashMap<>(azure.resourceProviders());
        ARC_PROVIDERS.forEach(namespace -> providers.put(namespace, "NotRegistered"));
        return base.withAzure(new SandboxSeed.Azure(azure.tenantId(), azure.subscriptionId(), azure.clientId(),
            azure.clientSecret(), azure.arcServicePrincipalId(), azure.arcServicePrincipalSecret(),
            azure.resourceGroup(), azure.location(), providers, azure.arcMachines(), azure.connectors(), List.of(),
            List.of(), List.of()));
    }

    /** The default account whose tenant has {@code applications} as its Entra application registrations. */
    static SandboxSeed withApplications(SandboxSeed.Application... applications) {
        SandboxSeed base = SandboxSeed.defaultSeed();
        return base.withAzure(base.azure().withApplications(List.of(applications)));
    }

    /** An Entra application named {@code displayName}, without a service principal or client secret. */
    static SandboxSeed.Application application(int number, String displayName) {
        return new SandboxSeed.Application(String.format("00000000-0000-0000-0000-%012d", number),
            String.format("00000000-0000-0000-0001-%012d", number), displayName, Optional.empty(), List.of());
    }
}
