package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResiliencePolicyTest {

    private static final ResiliencePolicy DEFAULTS = ResiliencePolicy.defaults();

    @Test
    void defaults_publishedQuotasAndNamedConstants() {
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(5);
        assertThat(DEFAULTS.callBudget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(DEFAULTS.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(DEFAULTS.securityHubGetFindingsPerSecond()).isEqualTo(3);
        assertThat(DEFAULTS.securityHubPerSecond()).isEqualTo(10);
        assertThat(DEFAULTS.armReadsPerSecond()).isEqualTo(25);
        assertThat(DEFAULTS.armWritesPerSecond()).isEqualTo(10);
        assertThat(DEFAULTS.failureThreshold()).isEqualTo(5);
    }

    @Test
    void backoffCeiling_doublesPerRetryUpToTheMaximum() {
        assertThat(DEFAULTS.backoffCeiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(DEFAULTS.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DEFAULTS.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DEFAULTS.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(DEFAULTS.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULTS.backoffCeiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void retryWait_fullJitter_betweenZeroAndTheCeiling() {
        for (int i = 0; i < 200; i++) {
            assertThat(DEFAULTS.retryWait(3, Duration.ZERO, Optional.empty())).get()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(2)));
        }
    }

    @Test
    void retryWait_attemptsSpent_none() {
        assertThat(DEFAULTS.retryWait(5, Duration.ZERO, Optional.empty())).isEmpty();
    }

    @Test
    void retryWait_askedWaitWithinTheBudget_theAskedWait() {
        assertThat(DEFAULTS.retryWait(1, Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(30))))
            .contains(Duration.ofSeconds(30));
    }

    @Test
    void retryWait_askedWaitPastTheBudget_none() {
        assertThat(DEFAULTS.retryWait(1, Duration.ofSeconds(100), Optional.of(Duration.ofSeconds(30)))).isEmpty();
    }

    @Test
    void build_attemptTimeoutLongerThanTheCallTimeout_rejectedNamingBoth() {
        assertThatThrownBy(() -> ResiliencePolicy.builder().attemptTimeout(Duration.ofMinutes(2)).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("attemptTimeout (PT2M) must not be longer than callTimeout (PT1M)");
    }

    @Test
    void build_noAttempts_rejected() {
        assertThatThrownBy(() -> ResiliencePolicy.builder().maxAttempts(0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxAttempts must be at least 1, was 0");
    }
}
