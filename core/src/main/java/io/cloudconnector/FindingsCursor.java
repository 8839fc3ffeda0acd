package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How far an incremental findings read got in one region: the newest {@code UpdatedAt} handled (the watermark) and
 * the keys ({@link Finding#key()}) of the findings handled at exactly that instant. Findings are read oldest first,
 * so everything before the watermark, and those keys at it, are done; the next read starts there.
 */
@Value.Immutable
@ValueStyle
public abstract class FindingsCursor {

    /** The newest {@code UpdatedAt} handled. */
    @Value.Parameter
    public abstract Instant watermark();

    /** The keys of the findings handled whose {@code UpdatedAt} is exactly the watermark. */
    @Value.Parameter
    public abstract Set<String> keysAtWatermark();

    /** A cursor at {@code watermark}. */
    public static FindingsCursor of(Instant watermark, Set<String> keysAtWatermark) {
        return ImmutableFindingsCursor.of(watermark, keysAtWatermark);
    }
}
