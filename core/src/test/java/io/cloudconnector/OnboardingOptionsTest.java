package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OnboardingOptionsTest {

    @Test
    void defaults_areTheNamedConstants() {
        OnboardingOptions options = OnboardingOptions.defaults();

        assertThat(options.maxConcurrency()).isEqualTo(OnboardingOptions.DEFAULT_MAX_CONCURRENCY).isEqualTo("50");
        assertThat(options.maxErrors()).isEqualTo(OnboardingOptions.DEFAULT_MAX_ERRORS).isEqualTo("100%");
        assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.deadline()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.executionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.azureCloud()).isEqualTo("AzureCloud");
    }

    @Test
    void build_maxConcurrencyOfZero_throwsNamingOptionRuleAndValue() {
        assertThatThrownBy(() -> OnboardingOptions.builder().maxConcurrency("0").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("OnboardingOptions.maxConcurrency must be a count from 1 or a percentage from 1% to 100% "
                + "(was '0')");
    }

    @Test
    void build_maxErrorsAbove100Percent_throws() {
        assertThatThrownBy(() -> OnboardingOptions.builder().maxErrors("101%").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxErrors");
    }

    @Test
    void build_executionTimeoutBeyond48Hours_throws() {
        assertThatThrownBy(() -> OnboardingOptions.builder().executionTimeout(Duration.ofHours(49)).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executionTimeout");
    }

    @Test
    void build_zeroPollInterval_throws() {
        assertThatThrownBy(() -> OnboardingOptions.builder().pollInterval(Duration.ZERO).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollInterval must be positive");
    }
}
