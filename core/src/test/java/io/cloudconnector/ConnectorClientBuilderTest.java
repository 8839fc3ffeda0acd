package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The client builder refuses settings it cannot honour. */
class ConnectorClientBuilderTest {

    @Test
    void regionParallelism_zero_namesTheRange() {
        ConnectorClient.Builder builder = ConnectorClient.builder(side(AwsSide.class), side(AzureSide.class));

        assertThatThrownBy(() -> builder.regionParallelism(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("regionParallelism must be between 1 and 64, was 0");
    }

    @Test
    void regionParallelism_aboveMaximum_namesTheRange() {
        ConnectorClient.Builder builder = ConnectorClient.builder(side(AwsSide.class), side(AzureSide.class));

        assertThatThrownBy(() -> builder.regionParallelism(65)).hasMessageContaining("was 65");
    }

    private static <T> T side(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
