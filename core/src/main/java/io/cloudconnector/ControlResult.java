package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One control of a CIS AWS Foundations standard, across the regions read. */
@Value.Immutable
@ValueStyle
public abstract class ControlResult {

    /** A builder; control ID, title and status are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The control's number in the benchmark, such as {@code 1.3} or {@code 3.7}. */
    public abstract String controlId();

    /** The control's title. */
    public abstract String title();

    /** The severity Security Hub rates the control with, when it gives one. */
    public abstract Optional<SeverityLabel> severity();

    /** Passed, failed, no data, or disabled. */
    public abstract ControlStatus status();

    /** The IDs (usually ARNs) of the resources whose current finding failed, sorted. */
    public abstract List<String> failingResources();

    /** Builds a {@link ControlResult}. */
    public static class Builder extends ImmutableControlResult.Builder {
    }
}
