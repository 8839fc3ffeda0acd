package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The account's secure score as Defender for Cloud computes it: per control, maximum x healthy / (healthy +
 * unhealthy) resources; overall, the sum of the controls' current scores over the sum of their maximums, as a
 * percentage. Resources are pooled across regions, not averaged: a resource checked in several regions (a global
 * resource such as the account) counts once per control, unhealthy when any region's current finding failed.
 *
 * <p>The maximum of a control comes from its severity, on Defender for Cloud's 0-10 scale: CRITICAL
 * {@value #CRITICAL_MAX_SCORE}, HIGH {@value #HIGH_MAX_SCORE}, MEDIUM {@value #MEDIUM_MAX_SCORE}, LOW
 * {@value #LOW_MAX_SCORE}, INFORMATIONAL {@value #INFORMATIONAL_MAX_SCORE} (informational controls do not count).
 * Controls with no passed or failed resource are left out of both sums.
 */
@Value.Immutable
@ValueStyle
public abstract class SecureScore {

    /** The maximum score of a control of CRITICAL severity. */
    public static final int CRITICAL_MAX_SCORE = 10;
    /** The maximum score of a control of HIGH severity. */
    public static final int HIGH_MAX_SCORE = 6;
    /** The maximum score of a control of MEDIUM severity. */
    public static final int MEDIUM_MAX_SCORE = 3;
    /** The maximum score of a control of LOW severity. */
    public static final int LOW_MAX_SCORE = 1;
    /** The maximum score of a control of INFORMATIONAL severity. */
    public static final int INFORMATIONAL_MAX_SCORE = 0;

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The maximum score of a control of {@code severity}. */
    public static int maxScoreOf(SeverityLabel severity) {
        return switch (severity) {
            case CRITICAL -> CRITICAL_MAX_SCORE;
            case HIGH -> HIGH_MAX_SCORE;
            case MEDIUM -> MEDIUM_MAX_SCORE;
            case LOW -> LOW_MAX_SCORE;
            case INFORMATIONAL -> INFORMATIONAL_MAX_SCORE;
        };
    }

    /** The controls that have at least one passed or failed resource, sorted by control ID. */
    public abstract List<ControlScore> controls();

    /** What happened in each region of the spec. */
    public abstract List<RegionResult> regions();

    /** The sum of the controls' current scores. */
    public double currentScore() {
        return controls().stream().mapToDouble(ControlScore::currentScore).sum();
    }

    /** The sum of the controls' maximum scores. */
    public int maxScore() {
        return controls().stream().mapToInt(ControlScore::maxScore).sum();
    }

    /** Current over maximum, 0 to 100; 0 when the maximum is 0. */
    public double percentage() {
        int max = maxScore();
        return max == 0 ? 0.0 : 100.0 * currentScore() / max;
    }

    /** Whether every region was read. */
    public boolean complete() {
        return regions().stream().allMatch(region -> region.status() != RegionResult.Status.FAILED);
    }

    /** Builds a {@link SecureScore}. */
    public static class Builder extends ImmutableSecureScore.Builder {
    }
}
