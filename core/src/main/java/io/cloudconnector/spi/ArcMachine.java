package io.cloudconnector.spi;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One Azure Arc machine. On AWS the agent names the machine after the EC2 instance ID. */
@Value.Immutable
public interface ArcMachine {

    /** The Azure resource ID. */
    String id();

    /** The resource name. */
    String name();

    /** {@code Connected}, {@code Disconnected} or {@code Error}; empty when not reported. */
    Optional<String> status();

    Map<String, String> tags();

    Optional<String> osName();

    static ImmutableArcMachine.Builder builder() {
        return ImmutableArcMachine.builder();
    }
}
