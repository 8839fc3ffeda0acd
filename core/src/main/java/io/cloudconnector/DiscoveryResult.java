package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The EC2 instances of an AWS account with their SSM and Azure Arc status and onboarding verdict, and how each region
 * of the spec went. A region that failed is listed with its cause; the other regions' instances are all here.
 */
@Value.Immutable
@ValueStyle
public abstract class DiscoveryResult {

    /** A builder, for hosts that fake discovery results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS account that was scanned. */
    public abstract String awsAccountId();

    /** When discovery started. */
    public abstract Instant discoveredAt();

    /** One entry per region of the spec (or per region of the account when the spec names none), in order. */
    public abstract List<RegionDiscovery> regions();

    /** Every instance found that is not terminated, region by region. */
    public abstract List<DiscoveredInstance> instances();

    /** The instances with {@code verdict}, in order. */
    public List<DiscoveredInstance> instances(OnboardingVerdict verdict) {
        return instances().stream().filter(instance -> instance.verdict() == verdict).toList();
    }

    /** How many instances have each verdict; every verdict is a key, with 0 when none has it. */
    public Map<OnboardingVerdict, Integer> countsByVerdict() {
        Map<OnboardingVerdict, Integer> counts = new EnumMap<>(OnboardingVerdict.class);
        for (OnboardingVerdict verdict : OnboardingVerdict.values()) {
            counts.put(verdict, 0);
        }
        instances().forEach(instance -> counts.merge(instance.verdict(), 1, Integer::sum));
        return counts;
    }

    /** How many instances have {@code verdict}. */
    public int count(OnboardingVerdict verdict) {
        return instances(verdict).size();
    }

    /** The regions whose listing failed. */
    public List<RegionDiscovery> failedRegions() {
        return regions().stream().filter(region -> region.status() == RegionDiscovery.Status.FAILED).toList();
    }

    /** Builds a {@link DiscoveryResult}. */
    public static class Builder extends ImmutableDiscoveryResult.Builder {
    }
}
