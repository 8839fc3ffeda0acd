package io.cloudconnector.internal.readiness;

import static io.cloudconnector.internal.readiness.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.ReadinessCheck;
import io.cloudconnector.ReadinessCheck.Status;
import io.cloudconnector.internal.RegionSelection;
import io.cloudconnector.spi.RegionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionRulesTest {

    private static final List<RegionInfo> KNOWN = List.of(RegionInfo.of("us-east-1", "opt-in-not-required"),
        RegionInfo.of("af-south-1", "opted-in"), RegionInfo.of("ap-east-1", "not-opted-in"));

    @Test
    void evaluate_specRegionNotOptedIn_failsThatRegionWithEnableStep() {
        List<ReadinessCheck> checks = evaluate(Fixtures.accessKeySpec("us-east-1", "ap-east-1"));

        ReadinessCheck region = only(checks, "region.enabled");
        assertThat(region.status()).isEqualTo(Status.FAIL);
        assertThat(region.target()).isEqualTo("ap-east-1");
        assertThat(region.region()).hasValue("ap-east-1");
        assertThat(region.evidence()).contains("not-opted-in", "not called");
        assertThat(region.remediation()).hasValueSatisfying(fix -> assertThat(fix)
            .contains("aws account enable-region --region-name ap-east-1"));
        assertThat(only(checks, "regions").evidence()).endsWith(": us-east-1");
    }

    @Test
    void evaluate_specRegionUnknown_failsAskingToCorrectTheCode() {
        ReadinessCheck region = only(evaluate(Fixtures.accessKeySpec("us-east-1", "us-east-9")), "region.enabled");

        assertThat(region.status()).isEqualTo(Status.FAIL);
        assertThat(region.remediation()).hasValueSatisfying(fix -> assertThat(fix).startsWith("Correct the region"));
    }

    @Test
    void evaluate_specWithoutRegions_passesListingEveryEnabledRegion() {
        List<ReadinessCheck> checks = evaluate(Fixtures.accessKeySpec());

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(Status.PASS);
            assertThat(check.evidence()).contains("every enabled region", "us-east-1, af-south-1")
                .doesNotContain("ap-east-1");
        });
    }

    @Test
    void evaluate_noSpecRegionEnabled_failsTheSummary() {
        List<ReadinessCheck> checks = evaluate(Fixtures.accessKeySpec("ap-east-1"));

        assertThat(only(checks, "regions").status()).isEqualTo(Status.FAIL);
        assertThat(only(checks, "region.enabled").status()).isEqualTo(Status.FAIL);
    }

    private static List<ReadinessCheck> evaluate(ConnectorSpec spec) {
        return RegionRules.evaluate(spec, KNOWN, RegionSelection.select(spec, KNOWN));
    }
}
