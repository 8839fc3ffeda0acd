package io.cloudconnector.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.CloudEndpoints;
import org.junit.jupiter.api.Test;

/** The adapter's factories refuse settings they cannot honour. */
class AwsAdapterTest {

    @Test
    void create_getFindingsPerSecondBelowOne_namesTheRange() {
        assertThatThrownBy(() -> AwsAdapter.create(CloudEndpoints.publicCloud(), 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("getFindingsPerSecond must be between 1 and 10000, was 0");
    }

    @Test
    void create_getFindingsPerSecondAboveMaximum_namesTheRange() {
        assertThatThrownBy(() -> AwsAdapter.create(CloudEndpoints.publicCloud(), 10_001))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("was 10001");
    }
}
