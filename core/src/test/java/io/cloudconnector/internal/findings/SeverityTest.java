package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.Severity;
import io.cloudconnector.SeverityLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @Test
    void fromScore_rangeEdges_giveTheirLabels() {
        assertThat(SeverityLabel.fromScore(0)).isEqualTo(SeverityLabel.INFORMATIONAL);
        assertThat(SeverityLabel.fromScore(1)).isEqualTo(SeverityLabel.LOW);
        assertThat(SeverityLabel.fromScore(39)).isEqualTo(SeverityLabel.LOW);
        assertThat(SeverityLabel.fromScore(40)).isEqualTo(SeverityLabel.MEDIUM);
        assertThat(SeverityLabel.fromScore(69)).isEqualTo(SeverityLabel.MEDIUM);
        assertThat(SeverityLabel.fromScore(70)).isEqualTo(SeverityLabel.HIGH);
        assertThat(SeverityLabel.fromScore(89)).isEqualTo(SeverityLabel.HIGH);
        assertThat(SeverityLabel.fromScore(90)).isEqualTo(SeverityLabel.CRITICAL);
        assertThat(SeverityLabel.fromScore(100)).isEqualTo(SeverityLabel.CRITICAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void ofScore_outOfRange_throwsNamingTheScore(int score) {
        assertThatThrownBy(() -> Severity.ofScore(score))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("A severity score must be 0 to 100, was " + score);
        assertThatThrownBy(() -> Severity.of(SeverityLabel.LOW, score))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofLabel_scoreIsTheLabelsLowest() {
        assertThat(Severity.ofLabel(SeverityLabel.CRITICAL).score()).isEqualTo(90);
        assertThat(Severity.ofLabel(SeverityLabel.INFORMATIONAL).score()).isZero();
    }
}
