package io.cloudconnector.spi;

import org.immutables.value.Value;

/** The answer of {@code sts:GetCallerIdentity}. */
@Value.Immutable
public interface CallerIdentity {

    /** The 12-digit account ID. */
    String account();

    /** The caller's ARN. */
    String arn();

    /** The caller's unique ID. */
    String userId();

    static ImmutableCallerIdentity.Builder builder() {
        return ImmutableCallerIdentity.builder();
    }
}
