package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** How onboarding went in one AWS region. */
@Value.Immutable
@ValueStyle
public abstract class RegionOnboarding {

    /** What happened in a region. */
    public enum Status {
        /** Every command of the region was sent (the region may have had no eligible instance). */
        OK,
        /** Nothing was sent: the region was skipped or failed in discovery, or auto-provisioning is off. */
        SKIPPED,
        /** At least one command could not be sent, or the region's work stopped; {@link #cause()} says why. */
        FAILED
    }

    /** A builder, for hosts that fake onboarding results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS region. */
    public abstract String region();

    /** What happened. */
    public abstract Status status();

    /** Why the region was skipped or failed, in words; empty when OK. */
    public abstract Optional<String> cause();

    /** Builds a {@link RegionOnboarding}. */
    public static class Builder extends ImmutableRegionOnboarding.Builder {
    }
}
