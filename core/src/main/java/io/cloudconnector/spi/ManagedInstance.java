package io.cloudconnector.spi;

import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code ssm:DescribeInstanceInformation}. */
@Value.Immutable
public interface ManagedInstance {

    String instanceId();

    /** {@code Online}, {@code ConnectionLost} or {@code Inactive}. */
    String pingStatus();

    Optional<String> agentVersion();

    /** {@code Windows}, {@code Linux} or {@code MacOS}. */
    Optional<String> platformType();

    /** Such as {@code Ubuntu} or {@code Microsoft Windows Server 2019 Datacenter}. */
    Optional<String> platformName();

    /** Such as {@code 18.04}. */
    Optional<String> platformVersion();

    static ImmutableManagedInstance.Builder builder() {
        return ImmutableManagedInstance.builder();
    }
}
