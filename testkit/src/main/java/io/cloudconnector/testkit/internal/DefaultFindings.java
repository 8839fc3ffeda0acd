package io.cloudconnector.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudconnector.testkit.SandboxSeed.Instance;
import io.cloudconnector.testkit.SandboxSeed.Region;
import io.cloudconnector.testkit.SeedFinding;
import io.cloudconnector.testkit.internal.DefaultStandards.Kind;
import io.cloudconnector.testkit.internal.DefaultStandards.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Generates the default seed's findings in ASFF: CIS 1.2.0 and 1.4.0 control findings (one per control and
 * resource, PASSED or FAILED), GuardDuty and Inspector findings (no Compliance block), some archived or suppressed,
 * timestamps in several accepted forms, some severities with only a Normalized score. Deterministic.
 */
final class DefaultFindings {

    private static final Instant NOW = Instant.parse("2025-11-03T08:00:00Z");
    private static final int GUARDDUTY_PER_REGION = 55;
    private static final int INSPECTOR_PER_REGION = 45;
    private static final String CIS_TYPE =
        "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";
    private static final List<DateTimeFormatter> FORMS = List.of(
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHoursMinutes(5, 30)),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.ofHours(-8)),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.Sxxx").withZone(ZoneOffset.ofHours(1)));
    private static final String[][] GUARDDUTY = {
        {"TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort", "Unprotected port on EC2 instance %s is being probed.",
            "2"},
        {"Unusual Behaviors/VM/Behavior:EC2-NetworkPortUnusual",
            "EC2 instance %s is communicating on an unusual server port 8088.", "5"},
        {"TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS",
            "Command and Control server domain name queried by EC2 instance %s.", "8"},
        {"Effects/Resource Consumption/CryptoCurrency:EC2-BitcoinTool.B!DNS",
            "Bitcoin-related domain name queried by EC2 instance %s.", "8"},
        {"TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce", "SSH brute force attacks against %s.", "2"},
        {"TTPs/Discovery/Recon:IAMUser-MaliciousIPCaller",
            "Reconnaissance API GetCallerIdentity was invoked from a known malicious IP address by %s.", "5"},
        {"Software and Configuration Checks/Policy:S3-BucketBlockPublicAccessDisabled",
            "Amazon S3 Block Public Access was disabled for S3 bucket %s.", "2"}};
    private static final String[][] CVES = {
        {"CVE-2023-4911", "glibc", "2.31-0ubuntu9.9", "7.8"}, {"CVE-2024-6387", "openssh-server", "8.2p1", "8.1"},
        {"CVE-2023-38408", "openssh-client", "8.2p1", "9.8"}, {"CVE-2022-3786", "openssl", "3.0.2", "7.5"},
        {"CVE-2024-3094", "xz-utils", "5.6.0", "10.0"}, {"CVE-2023-44487", "nghttp2", "1.40.0", "7.5"},
        {"CVE-2022-40674", "expat", "2.2.9", "9.8"}, {"CVE-2023-5678", "openssl", "1.1.1f", "5.3"},
        {"CVE-2021-3156", "sudo", "1.8.31", "7.8"}, {"CVE-2023-2650", "openssl", "1.1.1f", "6.5"},
        {"CVE-2021-20193", "tar", "1.30", "3.3"}, {"CVE-2023-7008", "systemd", "245.4", "5.9"},
        {"CVE-2022-48303", "tar", "1.30", "3.9"}};

    private final String account;
    private final Random random = new Random(42);
    private final List<SeedFinding> findings = new ArrayList<>();
    private int counter;

    private DefaultFindings(String account) {
        this.account = account;
    }

    static List<SeedFinding> create(String account, List<Region> regions, List<Instance> instances) {
        DefaultFindings generator = new DefaultFindings(account);
        for (Region region : regions) {
            if (region.securityHub().isPresent()) {
                List<Instance> local = instances.stream().filter(i -> i.region().equals(region.name()))
                    .collect(Collectors.toList());
                generator.controls(region.name(), "1.2.0", DefaultStandards.CIS_120);
                generator.controls(region.name(), "1.4.0", DefaultStandards.CIS_140);
                generator.guardDuty(region.name(), local);
                generator.inspector(region.name(), local);
            }
        }
        return List.copyOf(generator.findings);
    }

    private void controls(String region, String version, List<Row> rows) {
        for (Row row : rows) {
            if (!row.enabled()) {
                continue;
            }
            for (String[] resource : resources(region, row.kind())) {
                boolean passed = random.nextInt(100) < 55;
                findings.add(SeedFinding.of(controlFinding(region, version, row, resource,
                    passed ? "PASSED" : "FAILED")));
            }
        }
        Row stale = rows.stream().filter(r -> r.kind() == Kind.SG).findFirst().orElseThrow();
        ObjectNode archived = controlFinding(region, version, stale,
            new String[] {"AwsEc2SecurityGroup", ec2Arn(region, "security-group/sg-0deleted" + version.charAt(2))},
            "FAILED");
        archived.put("RecordState", "ARCHIVED");
        findings.add(SeedFinding.of(archived));
    }

    private ObjectNode controlFinding(String region, String version, Row row, String[] resource, String status) {
        boolean legacy = version.equals("1.2.0");
        String std = "cis-aws-foundations-benchmark/v/" + version;
        String standardsId = legacy ? "ruleset/" + std : "standards/" + std;
        String standardsArn = legacy ? "arn:aws:securityhub:::" + standardsId
            : "arn:aws:securityhub:" + region + "::" + standardsId;
        String subscription = "arn:aws:securityhub:" + region + ":" + account + ":subscription/" + std;
        ObjectNode f = base(region, subscription + "/" + row.id() + "/finding/" + uuid(),
            "arn:aws:securityhub:" + region + "::product/aws/securityhub", "Security Hub", "AWS",
            legacy ? "arn:aws:securityhub:::ruleset/" + std + "/rule/" + row.id() : std + "/" + row.id());
        f.putArray("Types").add(CIS_TYPE);
        f.put("Title", row.id() + " " + row.title());
        f.put("Description", "This AWS control checks: " + row.title() + ".");
        boolean passed = status.equals("PASSED");
        severity(f, passed ? "INFORMATIONAL" : row.severity(), true);
        f.putObject("Remediation").putObject("Recommendation")
            .put("Text", "For directions on how to fix this issue, consult the AWS Security Hub CIS documentation.")
            .put("Url", "https://docs.aws.amazon.com/console/securityhub/" + row.securityControlId() + "/remediation");
        ObjectNode fields = f.putObject("ProductFields");
        fields.put(legacy ? "StandardsGuideArn" : "StandardsArn", standardsArn);
        fields.put(legacy ? "StandardsGuideSubscriptionArn" : "StandardsSubscriptionArn", subscription);
        fields.put(legacy ? "RuleId" : "ControlId", row.id());
        fields.put("StandardsControlArn", "arn:aws:securityhub:" + region + ":" + account + ":control/" + std + "/"
            + row.id());
        fields.put("aws/securityhub/ProductName", "Security Hub");
        fields.put("aws/securityhub/CompanyName", "AWS");
        fields.put("aws/securityhub/FindingId", f.get("Id").asText());
        ObjectNode compliance = f.putObject("Compliance");
        compliance.put("Status", status);
        compliance.putArray("RelatedRequirements").add(legacy ? "CIS AWS Foundations " + row.id()
            : "CIS AWS Foundations Benchmark v1.4.0/" + row.id());
        compliance.put("SecurityControlId", row.securityControlId());
        compliance.putArray("AssociatedStandards").addObject().put("StandardsId", standardsId);
        resource(f, region, resource[0], resource[1]);
        workflow(f, passed ? "RESOLVED" : null);
        return f;
    }

    private void guardDuty(String region, List<Instance> instances) {
        String detector = DefaultSeed.hex(random, 32);
        for (int i = 0; i < GUARDDUTY_PER_REGION; i++) {
            String[] kind = GUARDDUTY[i % GUARDDUTY.length];
            String[] resource = guardDutyResource(region, kind[0], instances, i);
            String generator = "arn:aws:guardduty:" + region + ":" + account + ":detector/" + detector;
            ObjectNode f = base(region, generator + "/finding/" + DefaultSeed.hex(random, 32),
                "arn:aws:securityhub:" + region + "::product/aws/guardduty", "GuardDuty", "Amazon", generator);
            f.putArray("Types").add(kind[0]);
            String subject = resource[1].substring(resource[1].lastIndexOf('/') + 1);
            f.put("Title", String.format(kind[1], subject));
            f.put("Description", String.format(kind[1], subject) + " This activity may indicate a compromised "
                + "resource.");
            int product = Integer.parseInt(kind[2]);
            String label = product < 4 ? "LOW" : product < 7 ? "MEDIUM" : "HIGH";
            severity(f, label, i % 6 != 5);
            ((ObjectNode) f.get("Severity")).put("Product", product);
            ObjectNode fields = f.putObject("ProductFields");
            fields.put("aws/guardduty/service/detectorId", detector);
            fields.put("aws/guardduty/service/count", String.valueOf(1 + random.nextInt(40)));
            fields.put("aws/securityhub/ProductName", "GuardDuty");
            fields.put("aws/securityhub/CompanyName", "Amazon");
            fields.put("aws/securityhub/FindingId", f.get("Id").asText());
            f.putObject("Remediation").putObject("Recommendation")
                .put("Text", "For more information, see the GuardDuty finding types documentation.")
                .put("Url", "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-active.html");
            resource(f, region, resource[0], resource[1]);
            workflow(f, null);
            findings.add(SeedFinding.of(f));
        }
    }

    private String[] guardDutyResource(String region, String type, List<Instance> instances, int index) {
        if (type.contains("IAMUser")) {
            return new String[] {"AwsIamAccessKey", "AKIASANDBOX000000002"};
        }
        if (type.contains("S3-")) {
            return new String[] {"AwsS3Bucket", "arn:aws:s3:::acme-data-" + region};
        }
        Instance instance = instances.get(index % instances.size());
        return new String[] {"AwsEc2Instance", ec2Arn(region, "instance/" + instance.instanceId())};
    }

    private void inspector(String region, List<Instance> instances) {
        List<Instance> running = instances.stream().filter(i -> i.state().equals("running"))
            .collect(Collectors.toList());
        for (int i = 0; i < INSPECTOR_PER_REGION; i++) {
            String[] cve = CVES[i % CVES.length];
            Instance instance = running.get(i % running.size());
            ObjectNode f = base(region, "arn:aws:inspector2:" + region + ":" + account + ":finding/"
                + DefaultSeed.hex(random, 32), "arn:aws:securityhub:" + region + "::product/aws/inspector",
                "Inspector", "Amazon", "AWSInspector");
            f.putArray("Types").add("Software and Configuration Checks/Vulnerabilities/CVE");
            f.put("Title", cve[0] + " - " + cve[1]);
            f.put("Description", "A vulnerability in " + cve[1] + " " + cve[2] + " (" + cve[0] + ").");
            double score = Double.parseDouble(cve[3]);
            severity(f, score >= 9 ? "CRITICAL" : score >= 7 ? "HIGH" : score >= 4 ? "MEDIUM" : "LOW", true);
            ArrayNode vulnerabilities = f.putArray("Vulnerabilities");
            ObjectNode vulnerability = vulnerabilities.addObject().put("Id", cve[0]).put("FixAvailable", "YES");
            vulnerability.putArray("VulnerablePackages").addObject().put("Name", cve[1]).put("Version", cve[2])
                .put("PackageManager", instance.windows() ? "OS" : "DPKG");
            vulnerability.putArray("Cvss").addObject().put("Version", "3.1").put("BaseScore", score)
                .put("Source", "NVD");
            ObjectNode fields = f.putObject("ProductFields");
            fields.put("aws/inspector/ProductVersion", "2");
            fields.put("aws/inspector/inspectorScore", cve[3]);
            fields.put("aws/securityhub/ProductName", "Inspector");
            fields.put("aws/securityhub/CompanyName", "Amazon");
            fields.put("aws/securityhub/FindingId", f.get("Id").asText());
            f.putObject("Remediation").putObject("Recommendation").put("Text", "Update " + cve[1] + ".");
            resource(f, region, "AwsEc2Instance", ec2Arn(region, "instance/" + instance.instanceId()));
            workflow(f, null);
            findings.add(SeedFinding.of(f));
        }
    }

    private ObjectNode base(String region, String id, String productArn, String product, String company,
        String generator) {
        ObjectNode f = Json.object();
        DateTimeFormatter form = FORMS.get(counter++ % FORMS.size());
        Instant created = NOW.minus(Duration.ofMinutes(60 + random.nextInt(60 * 24 * 60)));
        Instant updated = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 5)));
        updated = updated.isAfter(NOW) ? NOW : updated;
        f.put("SchemaVersion", "2018-10-08");
        f.put("Id", id);
        f.put("ProductArn", productArn);
        f.put("ProductName", product);
        f.put("CompanyName", company);
        f.put("Region", region);
        f.put("GeneratorId", generator);
        f.put("AwsAccountId", account);
        f.put("FirstObservedAt", form.format(created));
        f.put("LastObservedAt", form.format(updated));
        f.put("CreatedAt", form.format(created));
        f.put("UpdatedAt", form.format(updated));
        f.put("RecordState", random.nextInt(100) < 8 ? "ARCHIVED" : "ACTIVE");
        return f;
    }

    private void severity(ObjectNode f, String label, boolean withLabel) {
        int normalized = switch (label) {
            case "LOW" -> 20;
            case "MEDIUM" -> 50;
            case "HIGH" -> 80;
            case "CRITICAL" -> 95;
            default -> 0;
        };
        ObjectNode severity = f.putObject("Severity");
        if (withLabel) {
            severity.put("Label", label);
            severity.put("Original", label);
        }
        severity.put("Normalized", normalized);
    }

    private void resource(ObjectNode f, String region, String type, String id) {
        f.putArray("Resources").addObject().put("Type", type).put("Id", id).put("Partition", "aws")
            .put("Region", region);
    }

    private void workflow(ObjectNode f, String fixed) {
        String status = fixed;
        if (status == null) {
            int roll = random.nextInt(100);
            status = roll < 7 ? "SUPPRESSED" : roll < 20 ? "NOTIFIED" : "NEW";
        }
        f.putObject("Workflow").put("Status", status);
    }

    private List<String[]> resources(String region, Kind kind) {
        List<String[]> list = new ArrayList<>();
        switch (kind) {
            case ACCOUNT -> list.add(new String[] {"AwsAccount", "AWS::::Account:" + account});
            case USER -> List.of("sandbox-admin", "AzureArcOnboarding", "ci-deployer").forEach(user ->
                list.add(new String[] {"AwsIamUser", "arn:aws:iam::" + account + ":user/" + user}));
            case TRAIL -> list.add(new String[] {"AwsCloudTrailTrail",
                "arn:aws:cloudtrail:" + region + ":" + account + ":trail/org-trail"});
            case BUCKET -> List.of("acme-cloudtrail-logs", "acme-data-" + region).forEach(bucket ->
                list.add(new String[] {"AwsS3Bucket", "arn:aws:s3:::" + bucket}));
            case KMS -> List.of("1f2e3d4c-0000-4000-8000-000000000001", "5a6b7c8d-0000-4000-8000-000000000002")
                .forEach(key -> list.add(new String[] {"AwsKmsKey",
                    "arn:aws:kms:" + region + ":" + account + ":key/" + key}));
            case VPC -> List.of("0a1b2c3d4e5f60718", "0f1e2d3c4b5a69788").forEach(vpc ->
                list.add(new String[] {"AwsEc2Vpc", ec2Arn(region, "vpc/vpc-" + vpc)}));
            case SG -> List.of("0123456789abcdef0", "0fedcba9876543210", "00aa11bb22cc33dd4").forEach(sg ->
                list.add(new String[] {"AwsEc2SecurityGroup", ec2Arn(region, "security-group/sg-" + sg)}));
            case NACL -> List.of("0a0b0c0d0e0f01020", "0102030405060708a").forEach(acl ->
                list.add(new String[] {"AwsEc2NetworkAcl", ec2Arn(region, "network-acl/acl-" + acl)}));
            default -> {
            }
        }
        return list;
    }

    private String ec2Arn(String region, String resource) {
        return "arn:aws:ec2:" + region + ":" + account + ":" + resource;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
