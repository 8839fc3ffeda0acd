package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudconnector.Finding;
import io.cloudconnector.FindingsCursor;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CursorWindowTest {

    private static Finding finding(String id, int minutes) {
        return FindingMapper.map(TestFindings.plain(id, "us-east-1", minutes), "us-east-1");
    }

    @Test
    void admit_newerOrSameInstantWithNewKey_letThrough() {
        CursorWindow window = new CursorWindow(Optional.empty());

        assertThat(window.admit(finding("a", 1))).isTrue();
        assertThat(window.admit(finding("b", 1))).isTrue();
        assertThat(window.admit(finding("c", 2))).isTrue();
        assertThat(window.cursor()).contains(FindingsCursor.of(TestFindings.T0.plusSeconds(120),
            Set.of(TestFindings.PRODUCT + " c")));
    }

    @Test
    void admit_sameKeyAtTheWatermarkOrOlder_dropped() {
        CursorWindow window = new CursorWindow(Optional.empty());
        window.admit(finding("a", 1));
        window.admit(finding("b", 2));

        assertThat(window.admit(finding("b", 2))).isFalse();
        assertThat(window.admit(finding("z", 1))).isFalse();
    }

    @Test
    void admit_startCursor_coversItsWatermarkKeysAndEverythingOlder() {
        CursorWindow window = new CursorWindow(Optional.of(FindingsCursor.of(TestFindings.T0.plusSeconds(60),
            Set.of(TestFindings.PRODUCT + " a"))));

        assertThat(window.admit(finding("old", 0))).isFalse();
        assertThat(window.admit(finding("a", 1))).isFalse();
        assertThat(window.admit(finding("b", 1))).isTrue();
        assertThat(window.admit(finding("c", 3))).isTrue();
    }
}
