package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** How onboarding one EC2 instance to Azure Arc ended, with the end of the script's error output. */
@Value.Immutable
@ValueStyle
public abstract class InstanceOnboarding {

    /** How many characters of the script's output {@link #errorTail()} keeps: the last 2,000. */
    public static final int ERROR_TAIL_CHARS = 2000;

    /** A builder, for hosts that fake onboarding results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The EC2 instance ID. */
    public abstract String instanceId();

    /** The AWS region of the instance. */
    public abstract String region();

    /** The SSM command that carried the script; empty when it was never sent. */
    public abstract Optional<String> commandId();

    /** How it ended. */
    public abstract OnboardingStatus status();

    /** What SSM last said, such as {@code Failed (Failed)} or {@code InProgress (InProgress)}, or the SDK's error. */
    public abstract String detail();

    /**
     * The last characters of the script's error output (or of its standard output when it printed no error), at most
     * {@value #ERROR_TAIL_CHARS} characters; empty when it succeeded.
     */
    public abstract String errorTail();

    /** Whether the agent was installed and connected. */
    public boolean succeeded() {
        return status() == OnboardingStatus.SUCCEEDED;
    }

    /** Builds an {@link InstanceOnboarding}. */
    public static class Builder extends ImmutableInstanceOnboarding.Builder {
    }
}
