package io.cloudconnector.spi;

import org.immutables.value.Value;

/** The result of one command on one instance, as {@code ssm:GetCommandInvocation} reports it. */
@Value.Immutable
public interface CommandInvocation {

    String instanceId();

    /** {@code Pending}, {@code InProgress}, {@code Delayed}, {@code Success}, {@code Failed}, ... */
    String status();

    /** SSM's detail, such as {@code Undeliverable} or {@code DeliveryTimedOut}. */
    String statusDetails();

    /** What the script printed to standard output (SSM keeps the first 24,000 characters). */
    String standardOutput();

    /** What the script printed to standard error. */
    String standardError();

    static ImmutableCommandInvocation.Builder builder() {
        return ImmutableCommandInvocation.builder();
    }
}
