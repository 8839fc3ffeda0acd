package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toString_anySecret_isTheMask() {
        assertThat(Secret.of("s3cr3t-value")).hasToString("***");
        assertThat(Secret.of("")).hasToString(Secret.MASK);
    }

    @Test
    void reveal_returnsTheRawValue() {
        Secret secret = Secret.of("s3cr3t-value");

        assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
        assertThat(secret.length()).isEqualTo(12);
        assertThat(secret.isEmpty()).isFalse();
    }

    @Test
    void equals_sameValue_isEqualWithSameHashCode() {
        assertThat(Secret.of("a-secret")).isEqualTo(Secret.of("a-secret")).hasSameHashCodeAs(Secret.of("a-secret"));
    }

    @Test
    void equals_differentValueOrType_isNotEqual() {
        assertThat(Secret.of("a-secret")).isNotEqualTo(Secret.of("b-secret"))
            .isNotEqualTo(Secret.of("a-secret-longer"))
            .isNotEqualTo("a-secret")
            .isNotEqualTo(null);
    }

    @Test
    void of_null_throwsNullPointerException() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void jackson_plainObjectMapper_writesTheMask() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("password", Secret.of("s3cr3t-value")));

        assertThat(json).isEqualTo("{\"password\":\"***\"}");
    }

    @Test
    void jackson_string_readsAsSecret() throws Exception {
        Secret secret = new ObjectMapper().readValue("\"s3cr3t-value\"", Secret.class);

        assertThat(secret).isEqualTo(Secret.of("s3cr3t-value"));
    }
}
