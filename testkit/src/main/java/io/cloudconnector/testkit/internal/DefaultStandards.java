package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxSeed.Control;
import io.cloudconnector.testkit.SandboxSeed.Standard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CIS AWS Foundations controls of the default seed: per control its ID, title, severity, the kind of resource
 * it evaluates, the consolidated security control ID, and whether it is enabled.
 */
final class DefaultStandards {

    /** The kinds of resource a control evaluates; the findings generator makes one finding per resource. */
    enum Kind { ACCOUNT, USER, TRAIL, BUCKET, KMS, VPC, SG, NACL, NONE }

    /** One row of the control table. */
    record Row(String id, String title, String severity, Kind kind, String securityControlId, boolean enabled) {
    }

    static final List<Row> CIS_120 = List.of(
        row("1.1", "Avoid the use of the \"root\" account", "LOW", Kind.ACCOUNT, "CloudWatch.1"),
        row("1.2", "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console "
            + "password", "MEDIUM", Kind.USER, "IAM.5"),
        row("1.3", "Ensure credentials unused for 90 days or greater are disabled", "MEDIUM", Kind.USER, "IAM.8"),
        row("1.4", "Ensure access keys are rotated every 90 days or less", "MEDIUM", Kind.USER, "IAM.3"),
        row("1.5", "Ensure IAM password policy requires at least one uppercase letter", "MEDIUM", Kind.ACCOUNT,
            "IAM.11"),
        row("1.9", "Ensure IAM password policy requires a minimum length of 14 or greater", "MEDIUM", Kind.ACCOUNT,
            "IAM.15"),
        row("1.10", "Ensure IAM password policy prevents password reuse", "LOW", Kind.ACCOUNT, "IAM.16"),
        row("1.12", "Ensure no root account access key exists", "CRITICAL", Kind.ACCOUNT, "IAM.4"),
        row("1.13", "Ensure MFA is enabled for the \"root\" account", "CRITICAL", Kind.ACCOUNT, "IAM.9"),
        new Row("1.14", "Ensure hardware MFA is enabled for the \"root\" account", "CRITICAL", Kind.ACCOUNT, "IAM.6",
            false),
        row("1.16", "Ensure IAM policies are attached only to groups or roles", "LOW", Kind.USER, "IAM.2"),
        row("1.20", "Ensure a support role has been created to manage incidents with AWS Support", "LOW", Kind.NONE,
            "IAM.18"),
        row("2.1", "Ensure CloudTrail is enabled in all regions", "HIGH", Kind.ACCOUNT, "CloudTrail.1"),
        row("2.2", "Ensure CloudTrail log file validation is enabled", "MEDIUM", Kind.TRAIL, "CloudTrail.4"),
        row("2.3", "Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible", "CRITICAL",
            Kind.BUCKET, "CloudTrail.6"),
        row("2.4", "Ensure CloudTrail trails are integrated with CloudWatch Logs", "LOW", Kind.TRAIL, "CloudTrail.5"),
        row("2.5", "Ensure AWS Config is enabled", "MEDIUM", Kind.ACCOUNT, "Config.1"),
        row("2.6", "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket", "LOW", Kind.BUCKET,
            "CloudTrail.7"),
        row("2.7", "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", "MEDIUM", Kind.TRAIL,
            "CloudTrail.2"),
        row("2.8", "Ensure rotation for customer created CMKs is enabled", "MEDIUM", Kind.KMS, "KMS.4"),
        row("2.9", "Ensure VPC flow logging is enabled in all VPCs", "MEDIUM", Kind.VPC, "EC2.6"),
        new Row("3.1", "Ensure a log metric filter and alarm exist for unauthorized API calls", "LOW", Kind.ACCOUNT,
            "CloudWatch.2", false),
        row("3.3", "Ensure a log metric filter and alarm exist for usage of \"root\" account", "LOW", Kind.ACCOUNT,
            "CloudWatch.1"),
        row("3.7", "Ensure a log metric filter and alarm exist for disabling or scheduled deletion of customer "
            + "created CMKs", "LOW", Kind.ACCOUNT, "CloudWatch.7"),
        row("4.1", "Ensure no security groups allow ingress from 0.0.0.0/0 to port 22", "HIGH", Kind.SG, "EC2.13"),
        row("4.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to port 3389", "HIGH", Kind.SG, "EC2.14"),
        row("4.3", "Ensure the default security group of every VPC restricts all traffic", "HIGH", Kind.SG, "EC2.2"));

    static final List<Row> CIS_140 = List.of(
        row("1.4", "Ensure no 'root' user account access key exists", "CRITICAL", Kind.ACCOUNT, "IAM.4"),
        row("1.5", "Ensure MFA is enabled for the 'root' user account", "CRITICAL", Kind.ACCOUNT, "IAM.9"),
        row("1.8", "Ensure IAM password policy requires minimum length of 14 or greater", "MEDIUM", Kind.ACCOUNT,
            "IAM.15"),
        row("1.10", "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console "
            + "password", "MEDIUM", Kind.USER, "IAM.5"),
        row("1.14", "Ensure access keys are rotated every 90 days or less", "MEDIUM", Kind.USER, "IAM.3"),
        row("2.1.2", "Ensure S3 Bucket Policy is set to deny HTTP requests", "MEDIUM", Kind.BUCKET, "S3.5"),
        row("2.2.1", "Ensure EBS volume encryption is enabled", "MEDIUM", Kind.ACCOUNT, "EC2.7"),
        row("3.1", "Ensure CloudTrail is enabled in all regions", "HIGH", Kind.ACCOUNT, "CloudTrail.1"),
        row("3.4", "Ensure CloudTrail trails are integrated with CloudWatch Logs", "LOW", Kind.TRAIL, "CloudTrail.5"),
        row("3.7", "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", "MEDIUM", Kind.TRAIL,
            "CloudTrail.2"),
        row("3.9", "Ensure VPC flow logging is enabled in all VPCs", "MEDIUM", Kind.VPC, "EC2.6"),
        row("4.3", "Ensure a log metric filter and alarm exist for usage of 'root' account", "LOW", Kind.ACCOUNT,
            "CloudWatch.1"),
        row("5.1", "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports",
            "MEDIUM", Kind.NACL, "EC2.21"),
        row("5.3", "Ensure the default security group of every VPC restricts all traffic", "HIGH", Kind.SG, "EC2.2"));

    private DefaultStandards() {
    }

    static List<Standard> all() {
        return List.of(
            new Standard(DefaultSeed.CIS_120, "CIS AWS Foundations Benchmark v1.2.0", controls(CIS_120,
                "CIS AWS Foundations ")),
            new Standard(DefaultSeed.CIS_140, "CIS AWS Foundations Benchmark v1.4.0", controls(CIS_140,
                "CIS AWS Foundations Benchmark v1.4.0/")));
    }

    private static List<Control> controls(List<Row> rows, String requirementPrefix) {
        List<Control> controls = new ArrayList<>();
        for (Row row : rows) {
            Optional<String> reason = row.enabled() ? Optional.empty()
                : Optional.of("Not applicable: handled by the organization's central security account");
            controls.add(new Control(row.id(), row.title(), row.severity(), row.enabled(), reason,
                List.of(requirementPrefix + row.id())));
        }
        return controls;
    }

    private static Row row(String id, String title, String severity, Kind kind, String securityControlId) {
        return new Row(id, title, severity, kind, securityControlId, true);
    }
}
