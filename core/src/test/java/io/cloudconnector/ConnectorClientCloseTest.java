package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.spi.AccountPort;
import io.cloudconnector.spi.ArcPort;
import io.cloudconnector.spi.AssessmentPort;
import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import io.cloudconnector.spi.ConnectorPort;
import io.cloudconnector.spi.FindingsPort;
import io.cloudconnector.spi.FleetPort;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectorClientCloseTest {

    private final AtomicInteger closes = new AtomicInteger();

    @Test
    void callAfterClose_throwsSayingTheClientIsClosed() {
        ConnectorClient client = ConnectorClient.of(aws(), azure());
        client.close();

        assertThatThrownBy(() -> client.list("20ff7fc3-e762-44dd-bd96-b71116dcdc23"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> client.checkReadiness(null))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void close_twice_closesEachSideOnce() {
        ConnectorClient client = ConnectorClient.of(aws(), azure());

        client.close();
        client.close();

        assertThat(closes.get()).isEqualTo(2);
    }

    private AwsSide aws() {
        return new AwsSide() {
            @Override
            public AccountPort account() {
                throw new AssertionError("not called after close");
            }

            @Override
            public FleetPort fleet() {
                throw new AssertionError("not called after close");
            }

            @Override
            public FindingsPort findings() {
                throw new AssertionError("not called after close");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
    }

    private AzureSide azure() {
        return new AzureSide() {
            @Override
            public ConnectorPort connectors() {
                throw new AssertionError("not called after close");
            }

            @Override
            public ArcPort arc() {
                throw new AssertionError("not called after close");
            }

            @Override
            public AssessmentPort assessments() {
                throw new AssertionError("not called after close");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
    }
}
