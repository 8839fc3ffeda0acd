package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The readiness of one region of a {@link ReadinessReport}: whether the region is enabled for the account, the worst
 * status among its checks, and what kept any of them from being run. A failure in one region never hides the others.
 */
@Value.Immutable
@ValueStyle
public abstract class RegionReadiness {

    /** A builder; {@code errors} defaults to empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** The region code, such as {@code eu-west-1}. */
    public abstract String region();

    /** Whether the region is enabled for the account; a region that is not is never called. */
    public abstract boolean enabled();

    /**
     * The worst status among the region's checks and those of its instances, in the order PASS, WARN, FAIL, ERROR.
     */
    public abstract ReadinessCheck.Status status();

    /** Why some of the region's checks could not be run (such as a missing permission); empty when all ran. */
    public abstract List<String> errors();

    /** Builds a {@link RegionReadiness}. */
    public static class Builder extends ImmutableRegionReadiness.Builder {
    }
}
