package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/** What happened in one region during a findings read: read, skipped (with why), or failed (with the cause). */
@Value.Immutable
@ValueStyle
public abstract class RegionResult {

    /** The region's code, such as {@code eu-west-1}. */
    @Value.Parameter
    public abstract String region();

    /** Whether it was read. */
    @Value.Parameter
    public abstract Status status();

    /**
     * How it was read (directly, or through the finding aggregator's home region), why it was skipped, or why it
     * failed.
     */
    @Value.Parameter
    public abstract String detail();

    /** The result of one region. */
    public static RegionResult of(String region, Status status, String detail) {
        return ImmutableRegionResult.of(region, status, detail);
    }

    /** Whether the region's findings were read completely. */
    public boolean succeeded() {
        return status() == Status.READ;
    }

    /** How a region's read ended. */
    public enum Status {
        /** Every page was read. */
        READ,
        /** Not called: the region is not enabled for the account. */
        SKIPPED,
        /** A call failed; what was read before the failure was used. */
        FAILED
    }
}
