package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed;
import io.cloudconnector.testkit.SandboxSeed.AccessKey;
import io.cloudconnector.testkit.SandboxSeed.ConfigRecorder;
import io.cloudconnector.testkit.SandboxSeed.EnabledStandard;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import io.cloudconnector.testkit.SandboxSeed.Member;
import io.cloudconnector.testkit.SandboxSeed.Region;
import io.cloudconnector.testkit.SandboxSeed.Role;
import io.cloudconnector.testkit.SandboxSeed.SecurityHub;
import io.cloudconnector.testkit.SandboxSeed.User;
import io.cloudconnector.testkit.SeedFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds the organisation seed: the default account as Security Hub administrator of twelve members, ten enabled,
 * one removed and one resigned; the role of member 7 trusts another External ID. Deterministic.
 */
public final class OrganizationSeed {

    /** The members' account IDs are this prefix and two digits, 01 to 12. */
    static final String MEMBER_PREFIX = "2109876543";
    static final int MEMBERS = 12;
    static final int UNASSUMABLE = 7;
    static final String OTHER_EXTERNAL_ID = "0badc0de-0000-4000-8000-000000000007";

    private static final List<String> HUB_REGIONS = List.of("us-east-1", "eu-west-1");
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");
    private static final Instant CREATED = Instant.parse("2025-10-01T08:00:00Z");

    private OrganizationSeed() {
    }

    /** The organisation seed; the same on every call. */
    public static SandboxSeed create() {
        SandboxSeed administrator = DefaultSeed.create();
        List<Member> members = new ArrayList<>();
        for (int n = 1; n <= MEMBERS; n++) {
            String status = n == MEMBERS - 1 ? "Removed" : n == MEMBERS ? "Resigned" : "Enabled";
            members.add(new Member(member(administrator, n), status));
        }
        return administrator.withMembers(members);
    }

    private static SandboxSeed member(SandboxSeed administrator, int n) {
        String account = String.format("%s%02d", MEMBER_PREFIX, n);
        String externalId = n == UNASSUMABLE ? OTHER_EXTERNAL_ID : administrator.azure().subscriptionId();
        List<Instance> instances = instances(account, n);
        return new SandboxSeed(account, "member-admin", regions(), HUB_REGIONS, "AscConnector",
            "AzureArcOnboarding", List.of(role(externalId)), users(n), instances, DefaultStandards.all(),
            findings(account, n), Optional.empty(), List.of(), administrator.azure());
    }

    private static List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (String name : DefaultSeed.STANDARD_REGIONS) {
            boolean inUse = HUB_REGIONS.contains(name);
            regions.add(new Region(name, "opt-in-not-required",
                inUse ? Optional.of(new ConfigRecorder("default", true, "Success", true, true, List.of(),
                    Optional.empty(), true)) : Optional.empty(),
                inUse ? Optional.of(new SecurityHub(Instant.parse("2025-02-03T10:00:00Z"), "STANDARD_CONTROL",
                    List.of(new EnabledStandard(DefaultSeed.CIS_120, "READY")))) : Optional.empty()));
        }
        DefaultSeed.OPT_IN_REGIONS.forEach(name -> regions.add(new Region(name, "not-opted-in", Optional.empty(),
            Optional.empty())));
        return regions;
    }

    private static Role role(String externalId) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::" + SandboxSeed.MICROSOFT_ACCOUNT_ID + ":root\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + externalId + "\"}}}]}";
        return new Role("AscConnector", trust, List.of(DefaultSeed.POLICY + "SecurityAudit",
            DefaultSeed.POLICY + "service-role/AmazonSSMAutomationRole",
            DefaultSeed.POLICY + "AWSSecurityHubReadOnlyAccess"), 3600);
    }

    private static List<User> users(int n) {
        String key = String.format("AKIASANDBOXMEMBER%03d", n);
        String secret = String.format("sbxMemberSecret/K7MDENG+bPxRfiCY%08d", n);
        return List.of(
            new User("member-admin", List.of(DefaultSeed.POLICY + "AdministratorAccess"),
                List.of(new AccessKey(key, secret))),
            new User("AzureArcOnboarding", List.of(DefaultSeed.POLICY + "AmazonSSMManagedInstanceCore",
                DefaultSeed.POLICY + "SecurityAudit"), List.of()));
    }

    /**
     * An instance eligible for Azure Arc and one on an unsupported OS in us-east-1, a stopped one in eu-west-1, and
     * for even members one without an SSM agent in eu-west-1.
     */
    private static List<Instance> instances(String account, int n) {
        Random random = new Random(1000L + n);
        String profile = "arn:aws:iam::" + account + ":instance-profile/AmazonSSMRoleForInstances";
        List<Instance> instances = new ArrayList<>();
        instances.add(ubuntu(random, "us-east-1", "web-" + n, "running", "18.04", Optional.of("Online"), profile));
        instances.add(ubuntu(random, "us-east-1", "batch-" + n, "running", "20.04", Optional.of("Online"), profile));
        instances.add(ubuntu(random, "eu-west-1", "db-" + n, "stopped", "18.04", Optional.of("Online"), profile));
        if (n % 2 == 0) {
            instances.add(ubuntu(random, "eu-west-1", "legacy-" + n, "running", "18.04", Optional.empty(), profile));
        }
        return instances;
    }

    private static Instance ubuntu(Random random, String region, String name, String state, String version,
        Optional<String> ping, String profile) {
        return new Instance("i-0" + DefaultSeed.hex(random, 16), region, name, state, "Linux", "Ubuntu", version,
            "Linux/UNIX", "t3.medium", "ami-0" + DefaultSeed.hex(random, 16), ping.map(p -> profile), ping,
            "3.3.1345.0", true, Map.of("Environment", "member-" + name));
    }

    /**
     * Member {@code n}'s findings: {@code 2 + n % 4} active findings in us-east-1 with severities from CRITICAL down,
     * one active LOW finding and one archived HIGH finding in eu-west-1.
     */
    private static List<SeedFinding> findings(String account, int n) {
        List<SeedFinding> findings = new ArrayList<>();
        int active = 2 + n % 4;
        for (int i = 0; i < active; i++) {
            findings.add(finding(account, "us-east-1", "f" + i, SEVERITIES.get(i % SEVERITIES.size()), "ACTIVE"));
        }
        findings.add(finding(account, "eu-west-1", "w0", "LOW", "ACTIVE"));
        findings.add(finding(account, "eu-west-1", "w1", "HIGH", "ARCHIVED"));
        return findings;
    }

    private static SeedFinding finding(String account, String region, String suffix, String severity,
        String recordState) {
        String product = "arn:aws:securityhub:" + region + "::product/aws/guardduty";
        String id = "arn:aws:guardduty:" + region + ":" + account + ":detector/d0/finding/" + account + suffix;
        String time = CREATED.toString();
        ObjectNode f = Json.object();
        f.put("SchemaVersion", "2018-10-08").put("Id", id).put("ProductArn", product)
            .put("ProductName", "GuardDuty").put("CompanyName", "Amazon")
            .put("GeneratorId", "arn:aws:guardduty:" + region + ":" + account + ":detector/d0")
            .put("AwsAccountId", account).put("Region", region);
        f.putArray("Types").add("TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort");
        f.put("CreatedAt", time).put("UpdatedAt", time).put("FirstObservedAt", time).put("LastObservedAt", time);
        f.putObject("Severity").put("Label", severity);
        f.put("Title", "Unprotected port probed in " + account).put("Description", "A port of an EC2 instance of "
            + account + " is being probed.");
        f.putArray("Resources").addObject().put("Type", "AwsEc2Instance")
            .put("Id", "arn:aws:ec2:" + region + ":" + account + ":instance/i-0" + suffix).put("Partition", "aws")
            .put("Region", region);
        f.put("RecordState", recordState).putObject("Workflow").put("Status", "NEW");
        return SeedFinding.of(f);
    }
}
