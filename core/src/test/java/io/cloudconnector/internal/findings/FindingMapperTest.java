package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingCompliance;
import io.cloudconnector.RecordState;
import io.cloudconnector.Severity;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.WorkflowStatus;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.AsffFinding.AsffResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FindingMapperTest {

    private static final AsffFinding VALID = TestFindings.plain("f-1", "eu-west-1", 0);

    @Test
    void map_completeFinding_keepsEveryField() {
        AsffFinding raw = AsffFinding.builder().from(VALID)
            .firstObservedAt("2026-10-31T23:00:00Z")
            .lastObservedAt("2026-11-01T00:30:00.5Z")
            .remediationText("Turn it on")
            .remediationUrl("https://docs.aws.amazon.com/fix")
            .putProductFields("ControlId", "IAM.6")
            .workflowStatus("NOTIFIED")
            .recordState("ARCHIVED")
            .resources(List.of(AsffResource.builder().type("AwsEc2Instance")
                .id("arn:aws:ec2:eu-west-1:123456789012:instance/i-1").partition("aws").region("eu-west-1").build()))
            .compliance(AsffCompliance.builder().status("FAILED").securityControlId("IAM.6")
                .addRelatedRequirements("NIST.800-53.r5 AC-2").addAssociatedStandards("standards/x/v/1").build())
            .build();

        Finding finding = FindingMapper.map(raw, "us-east-1");

        assertThat(finding.id()).isEqualTo("f-1");
        assertThat(finding.productArn()).isEqualTo(TestFindings.PRODUCT);
        assertThat(finding.productName()).contains("Security Hub");
        assertThat(finding.generatorId()).isEqualTo("generator-f-1");
        assertThat(finding.awsAccountId()).isEqualTo(TestFindings.ACCOUNT);
        assertThat(finding.region()).isEqualTo("eu-west-1");
        assertThat(finding.title()).isEqualTo("Title of f-1");
        assertThat(finding.description()).isEqualTo("Description of f-1");
        assertThat(finding.severity()).isEqualTo(Severity.of(SeverityLabel.MEDIUM, 40));
        assertThat(finding.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.type()).isEqualTo("AwsEc2Instance");
            assertThat(resource.partition()).contains("aws");
            assertThat(resource.region()).contains("eu-west-1");
        });
        assertThat(finding.compliance()).contains(FindingCompliance.builder().status(ComplianceStatus.FAILED)
            .controlId("IAM.6").addRelatedRequirements("NIST.800-53.r5 AC-2")
            .addAssociatedStandards("standards/x/v/1").build());
        assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.NOTIFIED);
        assertThat(finding.recordState()).isEqualTo(RecordState.ARCHIVED);
        assertThat(finding.createdAt()).isEqualTo(TestFindings.T0);
        assertThat(finding.updatedAt()).isEqualTo(TestFindings.T0);
        assertThat(finding.firstObservedAt()).contains(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(finding.lastObservedAt()).contains(Instant.parse("2026-11-01T00:30:00.500Z"));
        assertThat(finding.remediationText()).contains("Turn it on");
        assertThat(finding.remediationUrl()).contains("https://docs.aws.amazon.com/fix");
        assertThat(finding.productFields()).isEqualTo(Map.of("ControlId", "IAM.6"));
        assertThat(finding.key()).isEqualTo(TestFindings.PRODUCT + " f-1");
    }

    @Test
    void map_optionalsAbsent_areEmptyOrDefaulted() {
        AsffFinding raw = AsffFinding.builder().from(VALID).region(Optional.empty()).productName(Optional.empty())
            .recordState(Optional.empty()).workflowStatus(Optional.empty()).build();

        Finding finding = FindingMapper.map(raw, "us-east-1");

        assertThat(finding.region()).isEqualTo("us-east-1");
        assertThat(finding.productName()).isEmpty();
        assertThat(finding.firstObservedAt()).isEmpty();
        assertThat(finding.lastObservedAt()).isEmpty();
        assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
        assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.NEW);
        assertThat(finding.compliance()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2019-01-31T23:00:00Z, 2019-01-31T23:00:00Z",
        "2019-01-31T23:00:00.1Z, 2019-01-31T23:00:00.100Z",
        "2019-01-31T23:00:00.123456789Z, 2019-01-31T23:00:00.123456789Z",
        "2019-01-31T23:00:00+05:30, 2019-01-31T17:30:00Z",
        "2019-01-31T23:00:00.250-0800, 2019-02-01T07:00:00.250Z",
        "2024-01-04T15:25:10+17:59, 2024-01-03T21:26:10Z",
        "2024-01-04T15:25:10-1759, 2024-01-05T09:24:10Z",
        "2024-01-04T15:25:10+02, 2024-01-04T13:25:10Z"
    })
    void map_timeInAnyAcceptedForm_parses(String text, String expected) {
        AsffFinding raw = AsffFinding.builder().from(VALID).updatedAt(text).build();

        assertThat(FindingMapper.map(raw, "r").updatedAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2019-01-31 23:00:00Z", "2019-01-31T23:00:00", "2019-01-31T23:00:00.1234567890Z", "yesterday",
        "2019-01-31T23:00:00+19:00"})
    void map_timeNotAccepted_isMalformed(String text) {
        AsffFinding raw = AsffFinding.builder().from(VALID).createdAt(text).build();

        assertThatThrownBy(() -> FindingMapper.map(raw, "r"))
            .isInstanceOf(MalformedFindingException.class)
            .hasMessage("CreatedAt is not an ASFF time: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"0, INFORMATIONAL", "1, LOW", "39, LOW", "40, MEDIUM", "69, MEDIUM", "70, HIGH", "89, HIGH",
        "90, CRITICAL", "100, CRITICAL"})
    void map_labelAbsent_derivesLabelFromNormalized(int normalized, SeverityLabel expected) {
        AsffFinding raw = AsffFinding.builder().from(VALID).severityLabel(Optional.empty())
            .severityNormalized(normalized).build();

        assertThat(FindingMapper.map(raw, "r").severity()).isEqualTo(Severity.of(expected, normalized));
    }

    @Test
    void map_labelWithoutNormalized_takesTheLabelsLowestScore() {
        AsffFinding raw = AsffFinding.builder().from(VALID).severityLabel("HIGH")
            .severityNormalized(Optional.empty()).build();

        assertThat(FindingMapper.map(raw, "r").severity()).isEqualTo(Severity.of(SeverityLabel.HIGH, 70));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
            broken("Id missing", f -> AsffFinding.builder().from(f).id(Optional.empty()).build()),
            broken("ProductArn missing", f -> AsffFinding.builder().from(f).productArn(" ").build()),
            broken("GeneratorId missing", f -> AsffFinding.builder().from(f).generatorId(Optional.empty()).build()),
            broken("AwsAccountId missing", f -> AsffFinding.builder().from(f).awsAccountId(Optional.empty())
                .build()),
            broken("Title missing", f -> AsffFinding.builder().from(f).title(Optional.empty()).build()),
            broken("Description missing", f -> AsffFinding.builder().from(f).description(Optional.empty()).build()),
            broken("CreatedAt missing", f -> AsffFinding.builder().from(f).createdAt(Optional.empty()).build()),
            broken("UpdatedAt missing", f -> AsffFinding.builder().from(f).updatedAt(Optional.empty()).build()),
            broken("Resources missing", f -> AsffFinding.builder().from(f).resources(List.of()).build()),
            broken("Resources[].Id missing", f -> AsffFinding.builder().from(f)
                .resources(List.of(AsffResource.builder().type("AwsS3Bucket").build())).build()),
            broken("Severity has neither Label nor Normalized", f -> AsffFinding.builder().from(f)
                .severityLabel(Optional.empty()).severityNormalized(Optional.empty()).build()),
            broken("Severity.Normalized must be 0 to 100, was 101", f -> AsffFinding.builder().from(f)
                .severityNormalized(101).build()),
            broken("unknown Severity.Label 'SEVERE'", f -> AsffFinding.builder().from(f).severityLabel("SEVERE")
                .build()),
            broken("unknown RecordState 'DELETED'", f -> AsffFinding.builder().from(f).recordState("DELETED")
                .build()),
            broken("unknown Workflow.Status 'OPEN'", f -> AsffFinding.builder().from(f).workflowStatus("OPEN")
                .build()),
            broken("unknown Compliance.Status 'MAYBE'", f -> AsffFinding.builder().from(f)
                .compliance(AsffCompliance.builder().status("MAYBE").build()).build()),
            broken("LastObservedAt is not an ASFF time: 'soon'", f -> AsffFinding.builder().from(f)
                .lastObservedAt("soon").build()));
    }

    private static Arguments broken(String reason, UnaryOperator<AsffFinding> change) {
        return Arguments.of(reason, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void map_ruleBroken_isMalformedWithTheReason(String reason, UnaryOperator<AsffFinding> change) {
        AsffFinding raw = change.apply(VALID);

        assertThatThrownBy(() -> FindingMapper.map(raw, "r"))
            .isInstanceOf(MalformedFindingException.class)
            .hasMessage(reason);
    }

    @Test
    void map_complianceWithoutStatus_isNotAControlResult() {
        AsffFinding raw = AsffFinding.builder().from(VALID)
            .compliance(AsffCompliance.builder().addRelatedRequirements("PCI DSS 8.3.1").build()).build();

        assertThat(FindingMapper.map(raw, "r").compliance()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "security-control/IAM.6 | IAM.6 | | IAM.6",
        "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3 | | "
            + "| cis-aws-foundations-benchmark/v/1.2.0/1.3",
        "cis-aws-foundations-benchmark/v/1.4.0/3.7 | | | cis-aws-foundations-benchmark/v/1.4.0/3.7",
        "cis-aws-foundations-benchmark/v/3.0.0/2.1.1 | | | cis-aws-foundations-benchmark/v/3.0.0/2.1.1",
        "partner/check-9 | | CIS AWS Foundations Benchmark v1.2.0/2.4 | cis-aws-foundations-benchmark/v/1.2.0/2.4",
        "partner/check-9 | | PCI DSS 8.3.1 | PCI DSS 8.3.1",
        "security-control/S3.1 | S3.1 | CIS AWS Foundations Benchmark v1.4.0/2.1.5 | S3.1"
    })
    void map_controlId_takenFromControlIdGeneratorOrRequirements(String generatorId, String securityControlId,
        String requirement, String expected) {
        AsffCompliance compliance = AsffCompliance.builder().status("PASSED")
            .securityControlId(Optional.ofNullable(securityControlId))
            .relatedRequirements(Optional.ofNullable(requirement).stream().toList())
            .build();
        AsffFinding raw = AsffFinding.builder().from(VALID).generatorId(generatorId).compliance(compliance).build();

        assertThat(FindingMapper.map(raw, "r").compliance().flatMap(FindingCompliance::controlId)).contains(expected);
    }

    @Test
    void map_controlFindingWithoutAnyControl_hasNoControlId() {
        AsffFinding raw = AsffFinding.builder().from(VALID)
            .compliance(AsffCompliance.builder().status("FAILED").build()).build();

        assertThat(FindingMapper.map(raw, "r").compliance().orElseThrow().controlId()).isEmpty();
    }
}
