package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.AccessDeniedException;
import io.cloudconnector.ComplianceSummary;
import io.cloudconnector.ControlResult;
import io.cloudconnector.ControlStatus;
import io.cloudconnector.RegionResult;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.StandardCompliance;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.AsffFinding.AsffCompliance;
import io.cloudconnector.spi.RegionInfo;
import io.cloudconnector.spi.StandardSubscription;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplianceCalculatorTest {

    private static final String CIS_12 = "ruleset/cis-aws-foundations-benchmark/v/1.2.0";
    private static final String CIS_14 = "standards/cis-aws-foundations-benchmark/v/1.4.0";
    private static final String ACCOUNT_RESOURCE = "AWS::::Account:123456789012";

    private final FakeFindingsPort port = new FakeFindingsPort();

    @BeforeEach
    void enableStandards() {
        port.standards.put("us-east-1", List.of(
            standard("sub:cis12:use1", "arn:aws:securityhub:::" + CIS_12),
            standard("sub:cis14:use1", "arn:aws:securityhub:us-east-1::" + CIS_14),
            standard("sub:fsbp:use1", "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-"
                + "practices/v/1.0.0")));
        port.standards.put("eu-west-1", List.of(standard("sub:cis12:euw1", "arn:aws:securityhub:::" + CIS_12)));
        port.controls.put("sub:cis12:use1", List.of(control("CIS.1.1", "ENABLED", "LOW"),
            control("CIS.1.3", "ENABLED", "MEDIUM"), control("CIS.1.4", "ENABLED", "HIGH"),
            control("CIS.2.1", "DISABLED", "CRITICAL")));
        port.controls.put("sub:cis12:euw1", List.of(control("CIS.1.1", "ENABLED", "LOW"),
            control("CIS.2.1", "DISABLED", "CRITICAL"), control("CIS.1.10", "ENABLED", "MEDIUM")));
        port.controls.put("sub:cis14:use1", List.of(control("1.1", "ENABLED", "LOW"),
            control("3.7", "DISABLED", "LOW")));
    }

    private ComplianceSummary compliance() {
        List<RegionInfo> regions = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
            RegionInfo.of("eu-west-1", "opt-in-not-required"), RegionInfo.of("me-south-1", "not-opted-in"));
        return new FindingsService(FakeSides.aws(regions, port), FakeSides.azure(null, List.of()))
            .compliance(TestFindings.spec("us-east-1", "eu-west-1", "me-south-1"));
    }

    @Test
    void compliance_controlsJoinedToFindings_statusesFailingResourcesAndShare() {
        port.add(legacy("a", "us-east-1", 1, "1.1", "PASSED", ACCOUNT_RESOURCE))
            .add(legacy("b", "eu-west-1", 1, "1.1", "FAILED", ACCOUNT_RESOURCE))
            .add(legacy("c", "us-east-1", 1, "1.3", "FAILED", "arn:r1"))
            .add(legacy("c", "us-east-1", 9, "1.3", "PASSED", "arn:r1"))
            .add(legacy("d", "us-east-1", 2, "1.3", "PASSED", "arn:r2"))
            .add(AsffFinding.builder().from(legacy("e", "us-east-1", 3, "1.3", "FAILED", "arn:r3"))
                .workflowStatus("SUPPRESSED").build())
            .add(legacy("f", "us-east-1", 3, "1.4", "WARNING", "arn:r4"))
            .add(consolidated("g", "us-east-1", 4, "CloudTrail.1", "FAILED", "arn:trail",
                "CIS AWS Foundations Benchmark v1.4.0/1.1"));

        ComplianceSummary summary = compliance();

        assertThat(summary.standards()).extracting(StandardCompliance::version).containsExactly("1.2.0", "1.4.0");
        StandardCompliance cis12 = summary.standards().get(0);
        assertThat(cis12.standardId()).isEqualTo(CIS_12);
        assertThat(cis12.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(cis12.controls()).extracting(ControlResult::controlId, ControlResult::status,
            ControlResult::failingResources).containsExactly(
                tuple("1.1", ControlStatus.FAILED, List.of(ACCOUNT_RESOURCE)),
                tuple("1.3", ControlStatus.PASSED, List.of()),
                tuple("1.4", ControlStatus.NO_DATA, List.of()),
                tuple("1.10", ControlStatus.NO_DATA, List.of()),
                tuple("2.1", ControlStatus.DISABLED, List.of()));
        assertThat(cis12.controls().get(0).severity()).contains(SeverityLabel.LOW);
        assertThat(cis12.controls().get(0).title()).isEqualTo("Control CIS.1.1");
        assertThat(cis12.enabledControls()).isEqualTo(4);
        assertThat(cis12.passedShare()).isEqualTo(0.25);
        StandardCompliance cis14 = summary.standards().get(1);
        assertThat(cis14.controls()).extracting(ControlResult::controlId, ControlResult::status,
            ControlResult::failingResources).containsExactly(
                tuple("1.1", ControlStatus.FAILED, List.of("arn:trail")),
                tuple("3.7", ControlStatus.DISABLED, List.of()));
        assertThat(cis14.passedShare()).isZero();
        assertThat(summary.regions()).extracting(RegionResult::region, RegionResult::status).containsExactly(
            tuple("us-east-1", RegionResult.Status.READ), tuple("eu-west-1", RegionResult.Status.READ),
            tuple("me-south-1", RegionResult.Status.SKIPPED));
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void compliance_readsOnlyActiveFindingsOfTheEnabledCisStandards() {
        compliance();

        assertThat(port.requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.query().associatedStandards()).containsExactlyInAnyOrder(CIS_12, CIS_14);
            assertThat(request.query().recordStates()).containsExactly(io.cloudconnector.RecordState.ACTIVE);
        });
    }

    @Test
    void compliance_regionFails_reportedAndTheOtherRegionsCount() {
        port.failingRegions.put("eu-west-1", new AccessDeniedException("securityhub:GetEnabledStandards in "
            + "eu-west-1 failed", "aws", "securityhub:GetEnabledStandards", "eu-west-1", 403, "AccessDenied", null,
            "securityhub:GetEnabledStandards", null));
        port.add(legacy("d", "us-east-1", 2, "1.3", "PASSED", "arn:r2"));

        ComplianceSummary summary = compliance();

        assertThat(summary.complete()).isFalse();
        assertThat(summary.regions()).filteredOn(region -> region.region().equals("eu-west-1"))
            .singleElement().satisfies(region -> {
                assertThat(region.status()).isEqualTo(RegionResult.Status.FAILED);
                assertThat(region.detail()).contains("GetEnabledStandards");
            });
        assertThat(summary.standards().get(0).regions()).containsExactly("us-east-1");
        assertThat(summary.standards().get(0).controls()).extracting(ControlResult::controlId)
            .containsExactly("1.1", "1.3", "1.4", "2.1");
        assertThat(summary.standards().get(0).controls().get(1).status()).isEqualTo(ControlStatus.PASSED);
    }

    @Test
    void compliance_noCisStandardEnabled_noStandardsAndNoFindingsRead() {
        port.standards.clear();

        ComplianceSummary summary = compliance();

        assertThat(summary.standards()).isEmpty();
        assertThat(port.requests).isEmpty();
    }

    private static StandardSubscription standard(String subscriptionArn, String standardsArn) {
        return StandardSubscription.builder().subscriptionArn(subscriptionArn).standardsArn(standardsArn)
            .status("READY").build();
    }

    private static StandardsControlFacts control(String controlId, String status, String severity) {
        return StandardsControlFacts.builder().standardsControlArn("arn:control/" + controlId).controlId(controlId)
            .title("Control " + controlId).status(status).severityRating(severity).build();
    }

    private static AsffFinding legacy(String id, String region, int minutes, String number, String status,
        String resource) {
        return AsffFinding.builder().from(TestFindings.plain(id, region, minutes))
            .generatorId("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/" + number)
            .resources(List.of(TestFindings.resource("AwsAccount", resource)))
            .compliance(AsffCompliance.builder().status(status).addAssociatedStandards(CIS_12).build())
            .build();
    }

    private static AsffFinding consolidated(String id, String region, int minutes, String controlId, String status,
        String resource, String requirement) {
        return AsffFinding.builder().from(TestFindings.plain(id, region, minutes))
            .generatorId("security-control/" + controlId)
            .resources(List.of(TestFindings.resource("AwsCloudTrailTrail", resource)))
            .compliance(AsffCompliance.builder().status(status).securityControlId(controlId)
                .addRelatedRequirements(requirement).addAssociatedStandards(CIS_14).build())
            .region(Optional.of(region))
            .build();
    }
}
