package io.cloudconnector.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Security Hub findings generated from their region and index, never stored, so that a sandbox can page through a
 * million findings without holding them: finding {@code i} of a region is the same on every call. Each is a valid,
 * ACTIVE control finding of AWS Foundational Security Best Practices (about 1.5 KB of ASFF, a severity, a resource,
 * a PASSED or FAILED result), updated {@code i} seconds after {@link #FIRST_UPDATE}. Listed in {@code UpdatedAt}
 * order, the findings of several regions interleave: index by index, regions in name order (the order of their
 * {@code ProductArn}). Immutable and thread-safe.
 */
final class SyntheticFindings {

    /** When finding 0 of every region was last updated; finding {@code i} was updated {@code i} seconds later. */
    static final Instant FIRST_UPDATE = Instant.parse("2019-01-01T00:00:00Z");

    private static final Duration AGE_AT_FIRST_UPDATE = Duration.ofDays(30);
    private static final String STANDARD = "standards/aws-foundational-security-best-practices/v/1.0.0";
    private static final String TYPE = "Software and Configuration Checks/Industry and Regulatory Standards/AWS-"
        + "Foundational-Security-Best-Practices";
    private static final String[] LABELS = {"INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final int[] NORMALIZED = {0, 1, 40, 70, 90};
    /** Control ID, title, resource type, resource ID prefix. */
    private static final String[][] CONTROLS = {
        {"EC2.8", "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", "AwsEc2Instance",
            "arn:aws:ec2:%s:%s:instance/i-0"},
        {"S3.1", "S3 general purpose buckets should have block public access settings enabled", "AwsS3Bucket",
            "arn:aws:s3:::synthetic-bucket-%s-%s-"},
        {"IAM.1", "IAM policies should not allow full administrative privileges", "AwsIamPolicy",
            "arn:aws:iam::%2$s:policy/synthetic-policy-%1$s-"},
        {"EC2.2", "VPC default security groups should not allow inbound or outbound traffic",
            "AwsEc2SecurityGroup", "arn:aws:ec2:%s:%s:security-group/sg-0"},
        {"Lambda.2", "Lambda functions should use supported runtimes", "AwsLambdaFunction",
            "arn:aws:lambda:%s:%s:function:synthetic-"},
        {"RDS.3", "RDS DB instances should have encryption at-rest enabled", "AwsRdsDbInstance",
            "arn:aws:rds:%s:%s:db:synthetic-"}};

    private final String account;
    private final int perRegion;

    /**
     * @param account the AWS account the findings belong to
     * @param perRegion how many findings each region has; 0 for none
     */
    SyntheticFindings(String account, int perRegion) {
        this.account = account;
        this.perRegion = perRegion;
    }

    /** How many findings each region has. */
    int perRegion() {
        return perRegion;
    }

    /**
     * Finding {@code position} of the regions {@code regions} (sorted by name) listed together, oldest first: index
     * {@code position / regions.size()} of region {@code position % regions.size()}.
     */
    FindingStore.Stored at(List<String> regions, int position) {
        return finding(regions.get(position % regions.size()), position / regions.size());
    }

    /** Finding {@code index} of {@code region}, with the fields filters and sorts read. */
    FindingStore.Stored finding(String region, int index) {
        String[] control = CONTROLS[index % CONTROLS.length];
        int severity = (index / CONTROLS.length) % LABELS.length;
        boolean passed = index % 3 == 0;
        String label = passed ? LABELS[0] : LABELS[Math.max(1, severity)];
        int normalized = passed ? NORMALIZED[0] : NORMALIZED[Math.max(1, severity)];
        String status = passed ? "PASSED" : "FAILED";
        String workflow = passed ? "RESOLVED" : "NEW";
        String productArn = "arn:aws:securityhub:" + region + "::product/aws/securityhub";
        String subscription = "arn:aws:securityhub:" + region + ":" + account + ":subscription/"
            + STANDARD.substring(STANDARD.indexOf('/') + 1);
        String id = subscription + "/" + control[0] + "/finding/" + new UUID(region.hashCode(), index);
        String generator = "security-control/" + control[0];
        String resourceId = String.format(control[3], region, account) + String.format("%016x", index);
        Instant updated = FIRST_UPDATE.plusSeconds(index);
        Instant created = updated.minus(AGE_AT_FIRST_UPDATE);
        String title = control[0] + " " + control[1];
        String description = "This AWS control checks: " + control[1] + ".";
        String json = "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"" + id + "\",\"ProductArn\":\"" + productArn
            + "\",\"ProductName\":\"Security Hub\",\"CompanyName\":\"AWS\",\"Region\":\"" + region
            + "\",\"GeneratorId\":\"" + generator + "\",\"AwsAccountId\":\"" + account + "\",\"Types\":[\"" + TYPE
            + "\"],\"FirstObservedAt\":\"" + created + "\",\"LastObservedAt\":\"" + updated + "\",\"CreatedAt\":\""
            + created + "\",\"UpdatedAt\":\"" + updated + "\",\"Severity\":{\"Label\":\"" + label
            + "\",\"Normalized\":" + normalized + ",\"Original\":\"" + label + "\"},\"Title\":\"" + title
            + "\",\"Description\":\"" + description + "\",\"Remediation\":{\"Recommendation\":{\"Text\":\"For "
            + "information on how to correct this issue, consult the AWS Security Hub controls documentation.\","
            + "\"Url\":\"https://docs.aws.amazon.com/console/securityhub/" + control[0] + "/remediation\"}},"
            + "\"ProductFields\":{\"StandardsArn\":\"arn:aws:securityhub:::" + STANDARD + "\",\"ControlId\":\""
            + control[0] + "\",\"aws/securityhub/ProductName\":\"Security Hub\",\"aws/securityhub/CompanyName\":"
            + "\"AWS\",\"aws/securityhub/FindingId\":\"" + productArn + "/" + id + "\"},\"Resources\":[{\"Type\":\""
            + control[2] + "\",\"Id\":\"" + resourceId + "\",\"Partition\":\"aws\",\"Region\":\"" + region
            + "\"}],\"Compliance\":{\"Status\":\"" + status + "\",\"SecurityControlId\":\"" + control[0]
            + "\",\"AssociatedStandards\":[{\"StandardsId\":\"" + STANDARD + "\"}]},\"WorkflowState\":\""
            + workflow + "\",\"Workflow\":{\"Status\":\"" + workflow + "\"},\"RecordState\":\"ACTIVE\"}";
        Map<String, List<String>> strings = new HashMap<>();
        strings.put("Id", List.of(id));
        strings.put("ProductArn", List.of(productArn));
        strings.put("ProductName", List.of("Security Hub"));
        strings.put("CompanyName", List.of("AWS"));
        strings.put("GeneratorId", List.of(generator));
        strings.put("AwsAccountId", List.of(account));
        strings.put("Title", List.of(title));
        strings.put("Description", List.of(description));
        strings.put("RecordState", List.of("ACTIVE"));
        strings.put("WorkflowState", List.of(workflow));
        strings.put("Region", List.of(region));
        strings.put("Type", List.of(TYPE));
        strings.put("SeverityLabel", List.of(label));
        strings.put("ComplianceStatus", List.of(status));
        strings.put("ComplianceSecurityControlId", List.of(control[0]));
        strings.put("ComplianceAssociatedStandardsId", List.of(STANDARD));
        strings.put("WorkflowStatus", List.of(workflow));
        strings.put("ResourceType", List.of(control[2]));
        strings.put("ResourceId", List.of(resourceId));
        strings.put("ResourceRegion", List.of(region));
        strings.put("ResourcePartition", List.of("aws"));
        Map<String, Instant> dates = Map.of("UpdatedAt", updated, "CreatedAt", created, "FirstObservedAt", created,
            "LastObservedAt", updated);
        return new FindingStore.Stored(productArn + "|" + id, json, strings, dates);
    }

    /** The regions of {@code regions} in name order, the order their findings interleave in. */
    static List<String> inOrder(Collection<String> regions) {
        List<String> sorted = new ArrayList<>(regions);
        sorted.sort(null);
        return sorted;
    }
}
