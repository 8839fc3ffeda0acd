package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** How discovery went in one AWS region: scanned, skipped because the region is not enabled, or failed. */
@Value.Immutable
@ValueStyle
public abstract class RegionDiscovery {

    /** What happened in a region. */
    public enum Status {
        /** The region's instances were listed. */
        OK,
        /** The region is not enabled for the account (or not offered to it) and was not called. */
        SKIPPED,
        /** Listing failed; {@link #cause()} says why. The other regions' results stand. */
        FAILED
    }

    /** A builder, for hosts that fake discovery results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS region. */
    public abstract String region();

    /** What happened. */
    public abstract Status status();

    /** Why the region was skipped or failed, in words (the operation, region and AWS error); empty when OK. */
    public abstract Optional<String> cause();

    /** How many instances were found in the region (0 unless OK). */
    @Value.Default
    public int instanceCount() {
        return 0;
    }

    /** Builds a {@link RegionDiscovery}. */
    public static class Builder extends ImmutableRegionDiscovery.Builder {
    }
}
