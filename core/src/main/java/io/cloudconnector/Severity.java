package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * The severity of a finding: a label and a score from 0 to 100. When Security Hub sends only the deprecated
 * {@code Normalized} score, the label is derived from it ({@link SeverityLabel#fromScore(int)}); when it sends only a
 * label, the score is the lowest of the label's range.
 */
@Value.Immutable
@ValueStyle
public abstract class Severity {

    /** The label. */
    @Value.Parameter
    public abstract SeverityLabel label();

    /** The score, 0 to 100. */
    @Value.Parameter
    public abstract int score();

    /**
     * A severity with both a label and a score, as Security Hub sends them (they need not agree).
     *
     * @throws IllegalArgumentException when {@code score} is outside 0 to 100
     */
    public static Severity of(SeverityLabel label, int score) {
        return ImmutableSeverity.of(label, score);
    }

    /** A severity known only by its label; the score is the label's lowest (0, 1, 40, 70 or 90). */
    public static Severity ofLabel(SeverityLabel label) {
        return of(label, label.minimumScore());
    }

    /**
     * A severity known only by its score; the label is derived from it.
     *
     * @throws IllegalArgumentException when {@code score} is outside 0 to 100
     */
    public static Severity ofScore(int score) {
        return of(SeverityLabel.fromScore(score), score);
    }

    @Value.Check
    protected void check() {
        if (score() < 0 || score() > SeverityLabel.MAX_SCORE) {
            throw new IllegalArgumentException("A severity score must be 0 to 100, was " + score());
        }
    }
}
