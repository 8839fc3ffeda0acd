package io.cloudconnector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.AwsAuthentication;
import io.cloudconnector.ConnectorSpec;
import io.cloudconnector.internal.RegionSelection.SelectedRegion;
import io.cloudconnector.spi.RegionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionSelectionTest {

    private static final List<RegionInfo> KNOWN = List.of(
        RegionInfo.of("us-east-1", "opt-in-not-required"),
        RegionInfo.of("eu-west-1", "opt-in-not-required"),
        RegionInfo.of("af-south-1", "not-opted-in"),
        RegionInfo.of("me-south-1", "opted-in"));

    @Test
    void select_noSpecRegions_takesEveryEnabledRegion() {
        List<SelectedRegion> selected = RegionSelection.select(spec(List.of()), KNOWN);

        assertThat(RegionSelection.enabled(selected)).containsExactly("us-east-1", "eu-west-1", "me-south-1");
    }

    @Test
    void select_specRegionNotOptedIn_isNotEnabledWithReason() {
        List<SelectedRegion> selected = RegionSelection.select(spec(List.of("eu-west-1", "af-south-1")), KNOWN);

        assertThat(selected).extracting(SelectedRegion::region).containsExactly("eu-west-1", "af-south-1");
        assertThat(selected.get(1).enabled()).isFalse();
        assertThat(selected.get(1).reason()).contains("not-opted-in");
        assertThat(RegionSelection.enabled(selected)).containsExactly("eu-west-1");
    }

    @Test
    void select_specRegionUnknownToAccount_isNotEnabled() {
        List<SelectedRegion> selected = RegionSelection.select(spec(List.of("us-west-9")), KNOWN);

        assertThat(selected).singleElement().satisfies(region -> {
            assertThat(region.enabled()).isFalse();
            assertThat(region.reason()).contains("not offered");
        });
    }

    private static ConnectorSpec spec(List<String> regions) {
        return ConnectorSpec.builder()
            .displayName("aws-prod")
            .subscriptionId("20ff7fc3-e762-44dd-bd96-b71116dcdc23")
            .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .awsAccountId("123456789012")
            .authentication(AwsAuthentication.assumeRole("arn:aws:iam::123456789012:role/AscConnector"))
            .regions(regions)
            .build();
    }
}
