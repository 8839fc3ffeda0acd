package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/** One enabled version of the CIS AWS Foundations Benchmark: its controls and how many of them passed. */
@Value.Immutable
@ValueStyle
public abstract class StandardCompliance {

    /** A builder; version and standard ID are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The benchmark version, such as {@code 1.2.0}, {@code 1.4.0} or {@code 3.0.0}. */
    public abstract String version();

    /**
     * The standard's ID without a region, as findings carry it, such as
     * {@code ruleset/cis-aws-foundations-benchmark/v/1.2.0} or {@code standards/cis-aws-foundations-benchmark/v/3.0.0}.
     */
    public abstract String standardId();

    /** The regions it is enabled in, among those read. */
    public abstract List<String> regions();

    /** Its controls, sorted by control ID. */
    public abstract List<ControlResult> controls();

    /** How many controls are enabled (not DISABLED). */
    public long enabledControls() {
        return controls().stream().filter(control -> control.status() != ControlStatus.DISABLED).count();
    }

    /** How many controls PASSED. */
    public long passedControls() {
        return controls().stream().filter(control -> control.status() == ControlStatus.PASSED).count();
    }

    /** The share of enabled controls that passed, 0.0 to 1.0; 0.0 when no control is enabled. */
    public double passedShare() {
        long enabled = enabledControls();
        return enabled == 0 ? 0.0 : (double) passedControls() / enabled;
    }

    /** Builds a {@link StandardCompliance}. */
    public static class Builder extends ImmutableStandardCompliance.Builder {
    }
}
