package io.cloudconnector.spi;

import org.immutables.value.Value;

/** One AWS region as {@code ec2:DescribeRegions} reports it. */
@Value.Immutable
public interface RegionInfo {

    /** The region code, such as {@code eu-west-1}. */
    @Value.Parameter
    String name();

    /** {@code opt-in-not-required}, {@code opted-in} or {@code not-opted-in}. */
    @Value.Parameter
    String optInStatus();

    /** Whether services may be called in the region (anything but {@code not-opted-in}). */
    @Value.Derived
    default boolean enabled() {
        return !"not-opted-in".equals(optInStatus());
    }

    static RegionInfo of(String name, String optInStatus) {
        return ImmutableRegionInfo.of(name, optInStatus);
    }
}
