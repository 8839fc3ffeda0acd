package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.AccessKey;
import io.cloudconnector.testkit.SandboxSeed.ArcMachine;
import io.cloudconnector.testkit.SandboxSeed.Azure;
import io.cloudconnector.testkit.SandboxSeed.ConfigRecorder;
import io.cloudconnector.testkit.SandboxSeed.EnabledStandard;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import io.cloudconnector.testkit.SandboxSeed.Region;
import io.cloudconnector.testkit.SandboxSeed.ResourceGroup;
import io.cloudconnector.testkit.SandboxSeed.Role;
import io.cloudconnector.testkit.SandboxSeed.SecurityHub;
import io.cloudconnector.testkit.SandboxSeed.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds the default seed: account 123456789012 with us-east-1, eu-west-1 and ap-southeast-2 in use and af-south-1
 * not opted in; the connector role missing AWSSecurityHubReadOnlyAccess; 22 EC2 instances; 300+ findings. On the
 * Azure side, the Arc resource group exists (two Arc machines live in it), the Entra tenant has no application
 * registration and the subscription no role assignment: preparing Arc onboarding has its service principal to make.
 */
public final class DefaultSeed {

    static final String ACCOUNT = "123456789012";
    static final String SUBSCRIPTION = "8d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f";
    static final String CIS_120 = "ruleset/cis-aws-foundations-benchmark/v/1.2.0";
    static final String CIS_140 = "standards/cis-aws-foundations-benchmark/v/1.4.0";
    static final String RESOURCE_GROUP = "aws-connector-rg";
    static final String LOCATION = "westus2";

    static final List<String> STANDARD_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
        "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1");
    static final List<String> OPT_IN_REGIONS = List.of("af-south-1", "ap-east-1", "ap-south-2",
        "ap-southeast-3", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1");
    private static final String PROFILE = "arn:aws:iam::" + ACCOUNT + ":instance-profile/AmazonSSMRoleForInstances";
    static final String POLICY = "arn:aws:iam::aws:policy/";

    private DefaultSeed() {
    }

    /** The default seed; the same on every call. */
    public static SandboxSeed create() {
        List<Instance> instances = instances();
        List<Region> regions = regions();
        return new SandboxSeed(ACCOUNT, "sandbox-admin", regions,
            List.of("us-east-1", "eu-west-1", "ap-southeast-2", "af-south-1"), "AscConnector", "AzureArcOnboarding",
            List.of(connectorRole()), users(), instances, DefaultStandards.all(),
            DefaultFindings.create(ACCOUNT, regions, instances), Optional.empty(), List.of(), azure(instances));
    }

    private static List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (String name : STANDARD_REGIONS) {
            regions.add(new Region(name, "opt-in-not-required", recorder(name), hub(name)));
        }
        OPT_IN_REGIONS.forEach(name -> regions.add(new Region(name, "not-opted-in", Optional.empty(),
            Optional.empty())));
        return regions;
    }

    private static Optional<ConfigRecorder> recorder(String region) {
        return switch (region) {
            case "us-east-1" -> Optional.of(new ConfigRecorder("default", true, "Success", true, true, List.of(),
                Optional.empty(), true));
            case "eu-west-1" -> Optional.of(new ConfigRecorder("default", true, "Success", false, false,
                List.of("AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::S3::Bucket"), Optional.empty(),
                true));
            case "ap-southeast-2" -> Optional.of(new ConfigRecorder("default", false, "Success", true, false,
                List.of(), Optional.empty(), true));
            default -> Optional.empty();
        };
    }

    private static Optional<SecurityHub> hub(String region) {
        if (!region.equals("us-east-1") && !region.equals("eu-west-1")) {
            return Optional.empty();
        }
        return Optional.of(new SecurityHub(Instant.parse("2024-01-15T09:30:00Z"), "STANDARD_CONTROL",
            List.of(new EnabledStandard(CIS_120, "READY"), new EnabledStandard(CIS_140, "READY"))));
    }

    private static Role connectorRole() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::" + SandboxSeed.MICROSOFT_ACCOUNT_ID + ":root\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + SUBSCRIPTION + "\"}}}]}";
        return new Role("AscConnector", trust, List.of(POLICY + "SecurityAudit",
            POLICY + "service-role/AmazonSSMAutomationRole", POLICY + "job-function/ViewOnlyAccess"), 3600);
    }

    private static List<User> users() {
        return List.of(
            new User("sandbox-admin", List.of(POLICY + "AdministratorAccess"),
                List.of(new AccessKey("AKIASANDBOX000000001", "sbxBaseSecret/K7MDENG+bPxRfiCY0000000001"))),
            new User("AzureArcOnboarding", List.of(POLICY + "AmazonSSMManagedInstanceCore",
                POLICY + "SecurityAudit", POLICY + "AmazonEC2ReadOnlyAccess"),
                List.of(new AccessKey("AKIASANDBOX000000002", "sbxArcUserSecret/bPxRfiCY+K7MDENG0000002"))));
    }

    private static List<Instance> instances() {
        Random random = new Random(7);
        List<Instance> list = new ArrayList<>();
        String e = "us-east-1";
        list.add(linux(random, e, "web-prod-01", "running", "Ubuntu", "18.04", "Online", true));
        list.add(linux(random, e, "web-prod-02", "running", "Ubuntu", "18.04", "Online", true));
        list.add(linux(random, e, "api-prod-01", "running", "Ubuntu", "20.04", "Online", true));
        list.add(linux(random, e, "batch-01", "running", "Amazon Linux", "2", "Online", true));
        list.add(linux(random, e, "db-prod-01", "running", "Red Hat Enterprise Linux Server", "7.9", "Online", false));
        list.add(windows(random, e, "ad-dc-01", "running", "2019", "Online"));
        list.add(windows(random, e, "build-win-01", "stopped", "2016", "Online"));
        list.add(linux(random, e, "legacy-app-01", "running", "CentOS Linux", "7.9.2009", null, true));
        list.add(linux(random, e, "jump-01", "running", "Ubuntu", "16.04", "ConnectionLost", true));
        list.add(linux(random, e, "etl-01", "running", "SLES", "15.4", "Online", true));
        String w = "eu-west-1";
        list.add(linux(random, w, "web-eu-01", "running", "Ubuntu", "18.04", "Online", true));
        list.add(linux(random, w, "web-eu-02", "running", "Ubuntu", "16.04", "Online", true));
        list.add(linux(random, w, "app-eu-01", "running", "CentOS Linux", "7.9.2009", "Online", true));
        list.add(windows(random, w, "win-eu-01", "running", "2019", "Online"));
        list.add(linux(random, w, "dev-eu-01", "stopped", "Ubuntu", "20.04", "Online", true));
        list.add(linux(random, w, "ml-eu-01", "running", "Amazon Linux", "2", null, true));
        list.add(linux(random, w, "rhel-eu-01", "running", "Red Hat Enterprise Linux Server", "7.9", "ConnectionLost",
            true));
        String a = "ap-southeast-2";
        list.add(linux(random, a, "web-ap-01", "running", "Ubuntu", "18.04", "Online", true));
        list.add(windows(random, a, "win-ap-01", "running", "2016", "Online"));
        list.add(linux(random, a, "sles-ap-01", "stopped", "SLES", "15.4", "Online", true));
        list.add(linux(random, a, "cent-ap-01", "running", "CentOS Linux", "7.9.2009", null, true));
        list.add(linux(random, a, "app-ap-01", "running", "Red Hat Enterprise Linux Server", "7.9", "Online", true));
        return list;
    }

    private static Instance linux(Random random, String region, String name, String state, String os,
        String version, String ping, boolean succeeds) {
        String details = os.startsWith("Red Hat") ? "Red Hat Enterprise Linux"
            : os.equals("SLES") ? "SUSE Linux" : "Linux/UNIX";
        return instance(random, region, name, state, "Linux", os, version, details, ping, succeeds);
    }

    private static Instance windows(Random random, String region, String name, String state, String version,
        String ping) {
        return instance(random, region, name, state, "Windows", "Microsoft Windows Server " + version + " Datacenter",
            version.equals("2019") ? "10.0.17763" : "10.0.14393", "Windows", ping, true);
    }

    private static Instance instance(Random random, String region, String name, String state, String type,
        String os, String version, String details, String ping, boolean succeeds) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Environment", name.contains("prod") ? "prod" : name.startsWith("dev") ? "dev" : "shared");
        tags.put("Owner", "platform-team");
        String id = "i-0" + hex(random, 16);
        String instanceType = type.equals("Windows") ? "m5.large" : name.startsWith("db") ? "r5.large" : "t3.medium";
        return new Instance(id, region, name, state, type, os, version, details, instanceType,
            "ami-0" + hex(random, 16), Optional.ofNullable(ping).map(p -> PROFILE), Optional.ofNullable(ping),
            type.equals("Windows") ? "3.3.1142.0" : "3.3.1345.0", succeeds, tags);
    }

    static String hex(Random random, int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private static Azure azure(List<Instance> instances) {
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("Microsoft.Security", "Registered");
        providers.put("Microsoft.HybridCompute", "Registered");
        providers.put("Microsoft.GuestConfiguration", "NotRegistered");
        providers.put("Microsoft.HybridConnectivity", "Registered");
        List<ArcMachine> machines = new ArrayList<>();
        instances.stream().filter(i -> i.name().equals("web-prod-02") || i.name().equals("win-eu-01"))
            .forEach(i -> machines.add(arcMachine(i)));
        return new Azure("5f3c8a21-4d6e-4b7f-9c0a-1e2d3b4c5a69", SUBSCRIPTION, "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
            "sbx~ArmClient.Secret-0123456789abcdefABCDEF", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
            "sbx~ArcOnboarding.Secret-fedcba9876543210ZYX", RESOURCE_GROUP, LOCATION, providers, machines,
            List.of(gcpConnector()), List.of(), List.of(new ResourceGroup(RESOURCE_GROUP, LOCATION, Map.of())),
            List.of());
    }

    private static ArcMachine arcMachine(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("AccountId", ACCOUNT);
        tags.put("InstanceId", instance.instanceId());
        tags.put("Region", instance.region());
        return new ArcMachine(instance.instanceId(), RESOURCE_GROUP, "Connected",
            instance.windows() ? "windows" : "linux", instance.platformName(), tags);
    }

    private static JsonNode gcpConnector() {
        ObjectNode connector = Json.object();
        connector.put("id", "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Security/connectors/gcp-dev");
        connector.put("name", "gcp-dev");
        connector.put("type", "Microsoft.Security/connectors");
        ObjectNode properties = connector.putObject("properties");
        ObjectNode hybrid = properties.putObject("hybridComputeSettings");
        hybrid.put("hybridComputeProvisioningState", "Valid");
        hybrid.put("autoProvision", "Off");
        hybrid.putNull("proxyServer");
        hybrid.putNull("servicePrincipal");
        ObjectNode auth = properties.putObject("authenticationDetails");
        auth.put("authenticationProvisioningState", "Valid");
        auth.putArray("grantedPermissions").add("GCP::Security Center Admin Viewer");
        auth.put("authenticationType", "gcpCredentials");
        auth.put("organizationId", "AscDemoOrg");
        auth.put("type", "service_account");
        auth.put("project_id", "<empty>");
        auth.put("private_key_id", "<empty>");
        auth.put("private_key", "<empty>");
        auth.put("client_email", "<empty>");
        return connector;
    }
}
