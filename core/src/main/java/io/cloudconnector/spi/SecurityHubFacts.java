package io.cloudconnector.spi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The state of Security Hub in one region. */
@Value.Immutable
public interface SecurityHubFacts {

    /** Whether the hub is enabled (false when {@code DescribeHub} answers "not subscribed"). */
    boolean enabled();

    /** The hub's ARN, when enabled. */
    Optional<String> hubArn();

    /** Whether at least one finding exists in the region (false when not enabled). */
    boolean hasFindings();

    /** The enabled standards (empty when not enabled). */
    List<StandardSubscription> standards();

    static ImmutableSecurityHubFacts.Builder builder() {
        return ImmutableSecurityHubFacts.builder();
    }
}
