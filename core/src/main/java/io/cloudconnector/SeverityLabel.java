package io.cloudconnector;

/**
 * The severity label of a finding, as Security Hub's {@code Severity.Label} names it, with the 0-100 score range each
 * label covers ({@code Severity.Normalized}).
 */
public enum SeverityLabel {

    /** Score 0: no issue, information only. */
    INFORMATIONAL(0),
    /** Scores 1 to 39. */
    LOW(1),
    /** Scores 40 to 69. */
    MEDIUM(40),
    /** Scores 70 to 89. */
    HIGH(70),
    /** Scores 90 to 100. */
    CRITICAL(90);

    /** The highest score a finding may have. */
    public static final int MAX_SCORE = 100;

    private final int minimumScore;

    SeverityLabel(int minimumScore) {
        this.minimumScore = minimumScore;
    }

    /** The lowest score of the label's range; also the score Security Hub gives a finding that only has a label. */
    public int minimumScore() {
        return minimumScore;
    }

    /**
     * The label of a 0-100 score: 0 informational, 1-39 low, 40-69 medium, 70-89 high, 90-100 critical.
     *
     * @throws IllegalArgumentException when {@code score} is outside 0 to 100
     */
    public static SeverityLabel fromScore(int score) {
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("A severity score must be 0 to 100, was " + score);
        }
        SeverityLabel label = INFORMATIONAL;
        for (SeverityLabel candidate : values()) {
            if (score >= candidate.minimumScore) {
                label = candidate;
            }
        }
        return label;
    }

    /** Whether this label is {@code other} or more severe. */
    public boolean isAtLeast(SeverityLabel other) {
        return compareTo(other) >= 0;
    }
}
