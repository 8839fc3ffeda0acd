package io.cloudconnector.aws.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Security Hub findings generated from the recorded {@code GetFindings} answer: per region, a timeline of findings
 * one minute apart (oldest first, as {@code SortCriteria UpdatedAt asc} returns them) that mixes severities given
 * by label, by normalized score or both; archived, suppressed, passed and failed findings; findings without a
 * Compliance block; times in every accepted form; and, where asked, malformed ones.
 */
final class FindingsFixture {

    static final String ACCOUNT = "123456789012";
    static final Instant BASE = Instant.parse("2026-11-29T04:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode TEMPLATE = template();
    private static final String[] CONTROLS = {"IAM.6", "S3.1", "EC2.8", "CIS-1.2.0-1.3", "CIS-1.4.0-3.7"};
    private static final int[] NORMALIZED = {0, 25, 55, 75, 95};
    private static final String[] LABELS = {"INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

    private FindingsFixture() {
    }

    private static ObjectNode template() {
        try {
            return (ObjectNode) JSON.readTree(resource("/securityhub/GetFindings.200.json")).get("Findings").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource as text. */
    static String resource(String path) {
        try (InputStream in = FindingsFixture.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ID of finding {@code index} of {@code region}. */
    static String id(String region, int index) {
        return "arn:aws:securityhub:" + region + ":" + ACCOUNT + ":finding/" + region + "-" + index;
    }

    /** When finding {@code index} was last updated. */
    static Instant updatedAt(int index) {
        return BASE.plusSeconds(60L * index);
    }

    /** {@code count} findings of {@code region}, oldest first. */
    static List<ObjectNode> findings(String region, int count) {
        List<ObjectNode> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(finding(region, i));
        }
        return findings;
    }

    /** Finding {@code index} of {@code region}; its shape follows from the index (see the class comment). */
    static ObjectNode finding(String region, int index) {
        ObjectNode finding = TEMPLATE.deepCopy();
        finding.put("Id", id(region, index));
        finding.put("Region", region);
        finding.put("ProductArn", "arn:aws:securityhub:" + region + "::product/aws/securityhub");
        finding.put("CreatedAt", time(updatedAt(index).minusSeconds(3600), index));
        finding.put("UpdatedAt", time(updatedAt(index), index));
        finding.put("LastObservedAt", time(updatedAt(index), index));
        if (index % 7 == 3) {
            finding.remove("FirstObservedAt");
        }
        severity(finding, index);
        finding.put("RecordState", index % 11 == 5 ? "ARCHIVED" : "ACTIVE");
        finding.putObject("Workflow").put("Status", index % 13 == 7 ? "SUPPRESSED" : "NEW");
        if (index % 10 == 0) {
            guardDuty(finding, region);
        } else {
            control(finding, region, index);
        }
        return finding;
    }

    /** The kind of control finding {@code index} is; {@code null} for one without a Compliance block. */
    static String control(int index) {
        return index % 10 == 0 ? null : CONTROLS[index % CONTROLS.length];
    }

    /** The compliance status of finding {@code index}, when it has one. */
    static String complianceStatus(int index) {
        return index % 4 == 1 ? "PASSED" : "FAILED";
    }

    /** The label finding {@code index} ends up with, whether sent or derived from the normalized score. */
    static String expectedLabel(int index) {
        return LABELS[index % LABELS.length];
    }

    private static void severity(ObjectNode finding, int index) {
        ObjectNode severity = finding.putObject("Severity");
        String label = LABELS[index % LABELS.length];
        int normalized = NORMALIZED[index % NORMALIZED.length];
        if (index % 3 != 1) {
            severity.put("Label", label);
        }
        if (index % 3 != 0) {
            severity.put("Normalized", normalized);
        }
        severity.put("Original", label);
    }

    private static void guardDuty(ObjectNode finding, String region) {
        finding.put("ProductArn", "arn:aws:securityhub:" + region + "::product/aws/guardduty");
        finding.put("ProductName", "GuardDuty");
        finding.put("GeneratorId", "arn:aws:guardduty:" + region + ":" + ACCOUNT + ":detector/d1");
        finding.put("Title", "Unusual API calls");
        finding.remove("Compliance");
        finding.remove("Remediation");
    }

    private static void control(ObjectNode finding, String region, int index) {
        String control = control(index);
        ObjectNode compliance = finding.putObject("Compliance");
        compliance.put("Status", complianceStatus(index));
        ArrayNode standards = compliance.putArray("AssociatedStandards");
        if (control.startsWith("CIS-1.2.0")) {
            finding.put("GeneratorId", "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3");
            standards.addObject().put("StandardsId", "ruleset/cis-aws-foundations-benchmark/v/1.2.0");
        } else if (control.startsWith("CIS-1.4.0")) {
            finding.put("GeneratorId", "cis-aws-foundations-benchmark/v/1.4.0/3.7");
            standards.addObject().put("StandardsId", "standards/cis-aws-foundations-benchmark/v/1.4.0");
        } else {
            finding.put("GeneratorId", "security-control/" + control);
            compliance.put("SecurityControlId", control);
            standards.addObject().put("StandardsId", "standards/aws-foundational-security-best-practices/v/1.0.0");
        }
        ObjectNode resource = finding.putArray("Resources").addObject();
        resource.put("Partition", "aws").put("Region", region);
        if ("EC2.8".equals(control)) {
            resource.put("Type", "AwsEc2Instance").put("Id", "arn:aws:ec2:" + region + ":" + ACCOUNT
                + ":instance/i-" + String.format("%017x", index));
        } else if ("S3.1".equals(control)) {
            resource.put("Type", "AwsS3Bucket").put("Id", "arn:aws:s3:::bucket-" + region + "-" + index);
        } else {
            resource.put("Type", "AwsAccount").put("Id", "AWS::::Account:" + ACCOUNT);
        }
    }

    /** The instant as ASFF text, in one of the accepted forms chosen by {@code index}. */
    static String time(Instant instant, int index) {
        return switch (index % 5) {
            case 0 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").format(instant.atOffset(
                ZoneOffset.UTC));
            case 1 -> instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).format(
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));
            case 2 -> instant.atOffset(ZoneOffset.ofHours(-8)).format(
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSxx"));
            case 3 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSX").format(instant.atOffset(
                ZoneOffset.UTC));
            default -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX").format(instant.atOffset(
                ZoneOffset.UTC));
        };
    }

    /** {@code findings} cut into pages of {@code size}, each with the token of the next. */
    static Map<Integer, String> pages(String region, List<ObjectNode> findings, int size) {
        Map<Integer, String> pages = new LinkedHashMap<>();
        int count = (findings.size() + size - 1) / size;
        for (int page = 0; page < count; page++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("Findings");
            findings.subList(page * size, Math.min(findings.size(), (page + 1) * size)).forEach(items::add);
            if (page + 1 < count) {
                body.put("NextToken", token(region, page + 1));
            }
            pages.put(page, body.toString());
        }
        return pages;
    }

    /** The token of page {@code page} of {@code region}. */
    static String token(String region, int page) {
        return "tok-" + region + "-" + page;
    }
}
