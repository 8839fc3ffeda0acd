package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * The account's standing against every enabled version of the CIS AWS Foundations Benchmark (1.2.0, 1.4.0, 3.0.0,
 * and later versions when enabled), as Defender for Cloud's compliance dashboard shows it, with the outcome of each
 * region: a region that failed is reported, and the others still count.
 */
@Value.Immutable
@ValueStyle
public abstract class ComplianceSummary {

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The enabled CIS versions, sorted by version. */
    public abstract List<StandardCompliance> standards();

    /** What happened in each region of the spec. */
    public abstract List<RegionResult> regions();

    /** Whether every region was read. */
    public boolean complete() {
        return regions().stream().allMatch(region -> region.status() != RegionResult.Status.FAILED);
    }

    /** Builds a {@link ComplianceSummary}. */
    public static class Builder extends ImmutableComplianceSummary.Builder {
    }
}
