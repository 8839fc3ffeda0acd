package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link ConnectorClient#apply(ProvisioningPlan)} did with one action of the plan. Immutable. */
@Value.Immutable
@ValueStyle
public abstract class ProvisioningOutcome {

    /** A builder; {@link #cause()} is set for {@link Status#FAILED} only. */
    public static Builder builder() {
        return new Builder();
    }

    /** The action of the plan. */
    public abstract ProvisioningAction action();

    /** What became of it. */
    public abstract Status status();

    /** Why it failed: the error, naming operation, region and the cloud's message; empty unless it failed. */
    public abstract Optional<String> cause();

    /** What became of an action. */
    public enum Status {
        /** The write was made. */
        DONE,
        /** The account (or the Azure side) already had it when apply looked again; nothing was written. */
        ALREADY_DONE,
        /** The write failed, or the account changed since the plan in a way that forbids it; apply stopped here. */
        FAILED,
        /** Apply stopped at an earlier failure before reaching it. */
        NOT_ATTEMPTED
    }

    /** Builds a {@link ProvisioningOutcome}. */
    public static class Builder extends ImmutableProvisioningOutcome.Builder {
    }
}
