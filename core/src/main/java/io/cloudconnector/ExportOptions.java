package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import org.immutables.value.Value;

/** How {@link ConnectorClient#exportFindings} runs: where it keeps its cursors, and how fast it may write to Azure. */
@Value.Immutable
@ValueStyle
public abstract class ExportOptions {

    /** Azure Resource Manager refills a subscription's write budget at 10 writes per second. */
    public static final int DEFAULT_MAX_WRITES_PER_SECOND = 10;

    /** A builder; the checkpoint store is required, the write rate defaults to 10 per second. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options with {@code checkpoints} and the default write rate. */
    public static ExportOptions of(CheckpointStore checkpoints) {
        return builder().checkpoints(checkpoints).build();
    }

    /** Where the cursors are kept between runs. */
    public abstract CheckpointStore checkpoints();

    /** The most assessment and metadata writes per second; {@value #DEFAULT_MAX_WRITES_PER_SECOND} by default. */
    @Value.Default
    public int maxWritesPerSecond() {
        return DEFAULT_MAX_WRITES_PER_SECOND;
    }

    @Value.Check
    protected void check() {
        if (maxWritesPerSecond() < 1) {
            throw new IllegalArgumentException("maxWritesPerSecond must be at least 1, was " + maxWritesPerSecond());
        }
    }

    /** Builds {@link ExportOptions}. */
    public static class Builder extends ImmutableExportOptions.Builder {
    }
}
