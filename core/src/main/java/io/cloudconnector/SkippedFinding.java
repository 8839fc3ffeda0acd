package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** A finding Security Hub returned that could not be read, and why; the stream went on without it. */
@Value.Immutable
@ValueStyle
public abstract class SkippedFinding {

    /** The region it was read in. */
    @Value.Parameter
    public abstract String region();

    /** Its ID, when it had one. */
    @Value.Parameter
    public abstract Optional<String> findingId();

    /** Why it was skipped, such as {@code UpdatedAt missing} or {@code unknown RecordState 'DELETED'}. */
    @Value.Parameter
    public abstract String reason();

    /** A skipped finding of {@code region}. */
    public static SkippedFinding of(String region, Optional<String> findingId, String reason) {
        return ImmutableSkippedFinding.of(region, findingId, reason);
    }
}
