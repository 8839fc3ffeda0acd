package io.cloudconnector.internal.fleet;

import io.cloudconnector.ArcSettings;
import io.cloudconnector.ArcStatus;
import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.DiscoveredInstance;
import io.cloudconnector.InstancePlatform;
import io.cloudconnector.OnboardingVerdict;
import io.cloudconnector.Secret;
import io.cloudconnector.spi.ArcMachine;
import io.cloudconnector.spi.CommandInvocation;
import io.cloudconnector.spi.Ec2Instance;
import io.cloudconnector.spi.ManagedInstance;
import java.net.URI;

/** Specs and facts the fleet tests share. */
public final class Fixtures {

    /** A secret full of what a shell would interpret. */
    public static final String SP_SECRET = "s3cr'et $(touch pwned) `id` \"x\" ; $HOME";

    private Fixtures() {
    }

    /** A spec with Arc settings, no proxy. */
    public static ConnectorSpec spec() {
        return spec(arc().build());
    }

    /** A spec with the given Arc settings. */
    public static ConnectorSpec spec(ArcSettings arc) {
        return specBuilder().arc(arc).build();
    }

    /** A spec without Arc settings. */
    public static ConnectorSpec specWithoutArc() {
        return specBuilder().build();
    }

    /** Arc settings with a hostile secret and tags. */
    public static ArcSettings.Builder arc() {
        ArcSettings.Builder arc = ArcSettings.builder();
        arc.resourceGroup("arc-machines")
            .azureRegion("westeurope")
            .servicePrincipalId("11111111-2222-3333-4444-555555555555")
            .servicePrincipalSecret(Secret.of(SP_SECRET))
            .putTags("Owner", "O'Brien & co")
            .putTags("CostCenter", "$(reboot)");
        return arc;
    }

    /** Arc settings with a proxy. */
    public static ArcSettings withProxy() {
        return arc().proxy(URI.create("http://proxy.example:3128")).build();
    }

    private static ConnectorSpec.Builder specBuilder() {
        ConnectorSpec.Builder spec = ConnectorSpec.builder();
        spec.displayName("Prod account").connectorName("prod-account")
            .subscriptionId("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
            .tenantId("ffffffff-1111-2222-3333-444444444444")
            .awsAccountId("123456789012")
            .authentication(AwsAuthentication.accessKeys("AKIAIOSFODNN7EXAMPLE",
                Secret.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
        return spec;
    }

    /** A running Linux EC2 instance with an instance profile. */
    public static Ec2Instance ec2(String id, String region) {
        return Ec2Instance.builder().instanceId(id).region(region).state("running").architecture("x86_64")
            .platformDetails("Linux/UNIX").instanceProfileArn("arn:aws:iam::123456789012:instance-profile/ssm")
            .putTags("Name", "web-" + id).build();
    }

    /** An online SSM agent on Ubuntu 18.04. */
    public static ManagedInstance ssm(String id) {
        return ManagedInstance.builder().instanceId(id).pingStatus("Online").agentVersion("3.2.582.0")
            .platformType("Linux").platformName("Ubuntu").platformVersion("18.04").build();
    }

    /** An Arc machine named after the instance. */
    public static ArcMachine arcMachine(String instanceId, String status) {
        return ArcMachine.builder()
            .id("/subscriptions/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/resourceGroups/arc-machines/providers/"
                + "Microsoft.HybridCompute/machines/" + instanceId)
            .name(instanceId).status(status).build();
    }

    /** A discovered instance with the given verdict. */
    public static DiscoveredInstance discovered(String id, String region, InstancePlatform platform,
        OnboardingVerdict verdict) {
        return DiscoveredInstance.builder().instanceId(id).region(region).state("running").platform(platform)
            .osName(platform == InstancePlatform.WINDOWS ? "Microsoft Windows Server 2019 Datacenter" : "Ubuntu")
            .ssmManaged(true).arcStatus(ArcStatus.NOT_ONBOARDED).verdict(verdict).reason("test").build();
    }

    /** An invocation result. */
    public static CommandInvocation invocation(String id, String status, String details, String stderr) {
        return CommandInvocation.builder().instanceId(id).status(status).statusDetails(details)
            .standardOutput("Onboarding this instance to Azure Arc").standardError(stderr).build();
    }
}
