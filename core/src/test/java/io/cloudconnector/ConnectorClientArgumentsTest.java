package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.spi.AwsSide;
import io.cloudconnector.spi.AzureSide;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Arguments the client rejects before it reaches either cloud: every port of these sides fails the test. */
class ConnectorClientArgumentsTest {

    private final ConnectorClient client = ConnectorClient.of(untouched(AwsSide.class), untouched(AzureSide.class));

    @Test
    void list_subscriptionIdNotAGuid_rejectedNamingTheRule() {
        assertThatThrownBy(() -> client.list("not-a-guid")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("subscriptionId: must be a GUID such as 00000000-0000-0000-0000-000000000000 (was "
                + "'not-a-guid')");
    }

    @Test
    void onboard_discoveryOfAnotherAccount_rejectedNamingBothAccounts() {
        ConnectorSpec spec = Specs.builder().arc(Specs.arcBuilder().build()).build();
        DiscoveryResult other = DiscoveryResult.builder().awsAccountId("999999999999").discoveredAt(Instant.EPOCH)
            .build();

        assertThatThrownBy(() -> client.onboard(spec, other)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("discovery: must be of the spec's AWS account " + Specs.ACCOUNT_ID + " (was of account "
                + "999999999999)");
    }

    @Test
    void findings_nullQuery_rejectedNamingIt() {
        ConnectorSpec spec = Specs.builder().build();

        assertThatThrownBy(() -> client.findings(spec, null)).isInstanceOf(NullPointerException.class)
            .hasMessage("query");
    }

    private static <T> T untouched(Class<T> side) {
        return side.cast(Proxy.newProxyInstance(side.getClassLoader(), new Class<?>[] {side}, (proxy, method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            throw new AssertionError("a cloud was reached through " + side.getSimpleName() + "." + method.getName());
        }));
    }
}
