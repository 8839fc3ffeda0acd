package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudconnector.ControlScore;
import io.cloudconnector.SecureScore;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.spi.AsffFinding;
import io.cloudconnector.spi.RegionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    private final FakeFindingsPort port = new FakeFindingsPort();

    private SecureScore score() {
        List<RegionInfo> regions = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
            RegionInfo.of("eu-west-1", "opt-in-not-required"));
        return new FindingsService(FakeSides.aws(regions, port), FakeSides.azure(null, List.of()))
            .secureScore(TestFindings.spec());
    }

    private static AsffFinding control(String id, String region, int minutes, String controlId, String status,
        String resource, String severity) {
        return AsffFinding.builder().from(TestFindings.control(id, region, minutes, controlId, status, resource))
            .severityLabel(severity).build();
    }

    @Test
    void secureScore_perControlMaxTimesHealthyShare_overallSumOverSum() {
        port.add(control("1", "us-east-1", 1, "IAM.6", "PASSED", "arn:a", "CRITICAL"))
            .add(control("2", "us-east-1", 1, "IAM.6", "PASSED", "arn:b", "CRITICAL"))
            .add(control("3", "eu-west-1", 1, "IAM.6", "PASSED", "arn:c", "CRITICAL"))
            .add(control("4", "eu-west-1", 1, "IAM.6", "FAILED", "arn:d", "CRITICAL"))
            .add(control("5", "us-east-1", 1, "S3.1", "FAILED", "arn:s1", "MEDIUM"))
            .add(control("6", "eu-west-1", 1, "S3.1", "FAILED", "arn:s2", "MEDIUM"));

        SecureScore score = score();

        assertThat(score.controls()).extracting(ControlScore::controlId, ControlScore::severity,
            ControlScore::maxScore, ControlScore::healthyResources, ControlScore::unhealthyResources)
            .containsExactly(tuple("IAM.6", SeverityLabel.CRITICAL, 10, 3, 1),
                tuple("S3.1", SeverityLabel.MEDIUM, 3, 0, 2));
        assertThat(score.controls().get(0).currentScore()).isEqualTo(7.5);
        assertThat(score.currentScore()).isEqualTo(7.5);
        assertThat(score.maxScore()).isEqualTo(13);
        assertThat(score.percentage()).isCloseTo(57.69, offset(0.01));
    }

    @Test
    void secureScore_resourceCheckedInTwoRegions_pooledOnceAndUnhealthyWhenEitherFailed() {
        port.add(control("1", "us-east-1", 1, "IAM.4", "PASSED", "AWS::::Account:1", "HIGH"))
            .add(control("2", "eu-west-1", 1, "IAM.4", "FAILED", "AWS::::Account:1", "HIGH"))
            .add(control("3", "us-east-1", 1, "IAM.4", "PASSED", "arn:user", "HIGH"));

        ControlScore control = score().controls().get(0);

        assertThat(control.healthyResources()).isEqualTo(1);
        assertThat(control.unhealthyResources()).isEqualTo(1);
        assertThat(control.currentScore()).isEqualTo(3.0);
    }

    @Test
    void secureScore_newerFindingOfAResource_replacesTheOlderAndSuppressedIsLeftOut() {
        port.add(control("1", "us-east-1", 1, "EC2.8", "FAILED", "arn:i", "LOW"))
            .add(control("1", "us-east-1", 5, "EC2.8", "PASSED", "arn:i", "LOW"))
            .add(AsffFinding.builder().from(control("2", "us-east-1", 2, "EC2.8", "FAILED", "arn:j", "LOW"))
                .workflowStatus("SUPPRESSED").build());

        SecureScore score = score();

        assertThat(score.controls()).singleElement().satisfies(control -> {
            assertThat(control.healthyResources()).isEqualTo(1);
            assertThat(control.unhealthyResources()).isZero();
        });
        assertThat(score.percentage()).isEqualTo(100.0);
    }

    @Test
    void secureScore_noControlFindings_zeroPercent() {
        port.add(TestFindings.plain("guardduty", "us-east-1", 1));

        SecureScore score = score();

        assertThat(score.controls()).isEmpty();
        assertThat(score.percentage()).isZero();
    }
}
