package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASFF times in the form AWS writes (read without the formatter) and in the other accepted forms. */
class AsffTimesTest {

    @ParameterizedTest
    @CsvSource({
        "2019-01-31T23:00:00Z, 2019-01-31T23:00:00Z",
        "2019-01-31T23:00:00.5Z, 2019-01-31T23:00:00.500Z",
        "2019-01-31T23:00:00.000000001Z, 2019-01-31T23:00:00.000000001Z",
        "2024-02-29T12:34:56.789Z, 2024-02-29T12:34:56.789Z",
        "'  2019-01-31T23:00:00Z ', 2019-01-31T23:00:00Z",
        "2019-01-31T23:00:00+01:00, 2019-01-31T22:00:00Z"
    })
    void parse_acceptedForm_isTheInstant(String text, String expected) {
        assertThat(AsffTimes.parse("UpdatedAt", text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-13-01T00:00:00Z", "2019-01-31T23:60:00Z", "2019-01-31T23:00:00.1234567890Z",
        "2019-01-3aT23:00:00Z", "2019/01/31T23:00:00Z", "+2019-01-31T23:00:00Z"})
    void parse_impossibleOrMisshapenTime_isMalformed(String text) {
        assertThatThrownBy(() -> AsffTimes.parse("UpdatedAt", text)).isInstanceOf(MalformedFindingException.class)
            .hasMessage("UpdatedAt is not an ASFF time: '" + text + "'");
    }
}
