package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an onboarding run did: per region, the commands it sent and each instance's outcome. Only instances that were
 * {@link OnboardingVerdict#ELIGIBLE} in the discovery are here. Holds no secret: the scripts are not kept.
 */
@Value.Immutable
@ValueStyle
public abstract class OnboardingResult {

    /** A builder, for hosts that fake onboarding results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The correlation ID passed to {@code azcmagent connect} for this run. */
    public abstract String correlationId();

    /** One entry per region of the discovery, in its order. */
    public abstract List<RegionOnboarding> regions();

    /** Every {@code ssm:SendCommand} sent, in order. */
    public abstract List<SentCommand> commands();

    /** Every eligible instance's outcome. */
    public abstract List<InstanceOnboarding> instances();

    /** The outcomes with {@code status}. */
    public List<InstanceOnboarding> instances(OnboardingStatus status) {
        return instances().stream().filter(instance -> instance.status() == status).toList();
    }

    /** How many instances were connected to Azure Arc. */
    public int succeededCount() {
        return (int) instances().stream().filter(InstanceOnboarding::succeeded).count();
    }

    /** How many instances were not connected, whatever the reason; they are tried again on the next run. */
    public int failedCount() {
        return instances().size() - succeededCount();
    }

    /** Builds an {@link OnboardingResult}. */
    public static class Builder extends ImmutableOnboardingResult.Builder {
    }
}
