package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * One control's part of the secure score: its maximum, and how many resources are healthy (their current finding
 * passed) or unhealthy (it failed). Current score = maximum x healthy / (healthy + unhealthy).
 */
@Value.Immutable
@ValueStyle
public abstract class ControlScore {

    /** A builder; every value is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Security Hub control ID, such as {@code IAM.6}, or the CIS form for standard-specific findings. */
    public abstract String controlId();

    /** The control's title (the title of its findings). */
    public abstract String title();

    /** The highest severity among the control's findings. */
    public abstract SeverityLabel severity();

    /** The most the control can add to the score, from its severity ({@link SecureScore#maxScoreOf}). */
    public abstract int maxScore();

    /** Resources whose current finding of the control passed. */
    public abstract int healthyResources();

    /** Resources whose current finding of the control failed. */
    public abstract int unhealthyResources();

    /** Maximum x healthy / (healthy + unhealthy); 0 when the control has no resource. */
    public double currentScore() {
        int total = healthyResources() + unhealthyResources();
        return total == 0 ? 0.0 : (double) maxScore() * healthyResources() / total;
    }

    /** Builds a {@link ControlScore}. */
    public static class Builder extends ImmutableControlScore.Builder {
    }
}
