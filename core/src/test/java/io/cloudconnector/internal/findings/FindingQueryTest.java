package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.FindingQuery;
import io.cloudconnector.RecordState;
import io.cloudconnector.SeverityLabel;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindingQueryTest {

    @Test
    void builder_nothingSet_readsActiveFindingsOfEverySeverity() {
        FindingQuery query = FindingQuery.builder().build();

        assertThat(query.recordStates()).containsExactly(RecordState.ACTIVE);
        assertThat(query.severityLabels()).isEmpty();
    }

    @Test
    void recordStates_setEmpty_readsEveryState() {
        assertThat(FindingQuery.builder().recordStates(List.of()).build().recordStates()).isEmpty();
    }

    @Test
    void severityLabels_minimumHigh_areHighAndCritical() {
        FindingQuery query = FindingQuery.builder().minimumSeverity(SeverityLabel.HIGH).build();

        assertThat(query.severityLabels()).containsExactly(SeverityLabel.HIGH, SeverityLabel.CRITICAL);
    }

    @Test
    void build_moreThanTwentyValues_throwsNamingTheCriterion() {
        FindingQuery.Builder builder = FindingQuery.builder();
        IntStream.range(0, 21).forEach(i -> builder.addResourceTypes("Type" + i));

        assertThatThrownBy(builder::build)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("A finding query takes at most 20 resourceTypes, was given 21");
    }
}
