package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One run of a {@link ConnectorScheduler}: discovery, then onboarding when the spec has Arc settings. A run that
 * failed as a whole (for example, the regions or the Arc machines could not be listed) carries the failure in words.
 */
@Value.Immutable
@ValueStyle
public abstract class ScheduledRun {

    /** A builder, for hosts that fake runs in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The run's number, counting from 1. */
    public abstract long runNumber();

    /** When the run started. */
    public abstract Instant startedAt();

    /** When the run finished. */
    public abstract Instant finishedAt();

    /** The discovery, unless the run failed before it completed. */
    public abstract Optional<DiscoveryResult> discovery();

    /** The onboarding, when the spec has Arc settings and discovery completed. */
    public abstract Optional<OnboardingResult> onboarding();

    /** Why the run failed as a whole, in words; empty when it completed (some regions may still have failed). */
    public abstract Optional<String> failure();

    /** Whether the run completed. */
    public boolean succeeded() {
        return failure().isEmpty();
    }

    /** Builds a {@link ScheduledRun}. */
    public static class Builder extends ImmutableScheduledRun.Builder {
    }
}
