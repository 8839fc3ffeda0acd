package io.cloudconnector.spi;

import org.immutables.value.Value;

/** One entry of {@code securityhub:GetEnabledStandards}. */
@Value.Immutable
public interface StandardSubscription {

    /** The subscription ARN, used to list its controls. */
    String subscriptionArn();

    /** The standard's ARN, such as {@code arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0}. */
    String standardsArn();

    /** {@code PENDING}, {@code READY}, {@code FAILED}, {@code DELETING} or {@code INCOMPLETE}. */
    String status();

    static ImmutableStandardSubscription.Builder builder() {
        return ImmutableStandardSubscription.builder();
    }
}
