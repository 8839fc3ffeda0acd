package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A finding delivered with a field cut short, because Security Hub sent more than the SDK keeps (such as a
 * description of megabytes); the text kept ends with a note saying so.
 */
@Value.Immutable
@ValueStyle
public abstract class TruncatedFinding {

    /** The region it was read in. */
    @Value.Parameter
    public abstract String region();

    /** Its ID, when it had one. */
    @Value.Parameter
    public abstract Optional<String> findingId();

    /** The field, such as {@code Description} or {@code ProductFields}. */
    @Value.Parameter
    public abstract String field();

    /** How many characters (for {@code ProductFields}, entries) Security Hub sent. */
    @Value.Parameter
    public abstract int originalLength();

    /** How many were kept. */
    @Value.Parameter
    public abstract int keptLength();

    /** A truncated field of a finding read in {@code region}. */
    public static TruncatedFinding of(String region, Optional<String> findingId, String field, int originalLength,
        int keptLength) {
        return ImmutableTruncatedFinding.of(region, findingId, field, originalLength, keptLength);
    }
}
