package io.cloudconnector.spi;

import java.util.Optional;
import org.immutables.value.Value;

/** One AWS Config delivery channel as {@code config:DescribeDeliveryChannels} reports it. */
@Value.Immutable
public interface DeliveryChannelFacts {

    String name();

    /** The bucket the channel delivers to; empty when AWS reports none. */
    Optional<String> s3BucketName();

    static ImmutableDeliveryChannelFacts.Builder builder() {
        return ImmutableDeliveryChannelFacts.builder();
    }
}
