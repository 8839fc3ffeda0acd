package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.spi.AggregatorFacts;
import io.cloudconnector.spi.StandardsControlFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    private static AggregatorFacts aggregator(String mode, String... regions) {
        return AggregatorFacts.builder().arn("arn:agg").homeRegion("us-east-1").linkingMode(mode)
            .addRegions(regions).build();
    }

    @Test
    void of_allRegionsExceptSpecified_excludedRegionReadByItself() {
        List<RegionRead> reads = ReadPlan.of(List.of("us-east-1", "eu-west-1", "ap-south-1"),
            Optional.of(aggregator("ALL_REGIONS_EXCEPT_SPECIFIED", "ap-south-1")));

        assertThat(reads).containsExactly(
            new RegionRead("us-east-1", Set.of("us-east-1", "eu-west-1"), List.of("us-east-1", "eu-west-1"),
                "read through the finding aggregator's home region us-east-1"),
            new RegionRead("ap-south-1", Set.of("ap-south-1"), List.of("ap-south-1"), "read directly"));
    }

    @Test
    void of_noRegionsLinked_everyRegionReadByItselfButTheHomeThroughItself() {
        List<RegionRead> reads = ReadPlan.of(List.of("eu-west-1", "us-east-1"),
            Optional.of(aggregator("NO_REGIONS")));

        assertThat(reads).extracting(RegionRead::readRegion).containsExactly("us-east-1", "eu-west-1");
        assertThat(reads.get(0).scope()).containsExactly("us-east-1");
    }

    @Test
    void of_moreLinkedRegionsThanAFilterTakes_scopeAppliedOnArrivalInstead() {
        List<String> regions = IntStream.range(0, 21).mapToObj(i -> "region-" + i).toList();

        RegionRead read = ReadPlan.of(regions, Optional.of(aggregator("ALL_REGIONS"))).get(0);

        assertThat(read.regionFilter()).isEmpty();
        assertThat(read.scope()).hasSize(21);
    }

    @Test
    void number_relatedRequirementOfTheVersion_winsOverTheControlId() {
        StandardsControlFacts control = StandardsControlFacts.builder().standardsControlArn("arn:c")
            .controlId("CIS.9.9").status("ENABLED")
            .addRelatedRequirements("CIS AWS Foundations Benchmark v1.4.0/2.2", "CIS AWS Foundations Benchmark "
                + "v1.2.0/1.3").build();

        assertThat(ComplianceCalculator.number(control, "1.2.0")).isEqualTo("1.3");
        assertThat(ComplianceCalculator.number(control, "3.0.0")).isEqualTo("9.9");
    }
}
