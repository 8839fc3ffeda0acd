package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One EC2 instance as discovery found it: EC2's facts, its SSM status, its Azure Arc status, and whether it can be
 * onboarded now ({@link #verdict()}, explained in {@link #reason()}).
 */
@Value.Immutable
@ValueStyle
public abstract class DiscoveredInstance {

    /** A builder, for hosts that fake discovery results in their tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** The EC2 instance ID, {@code i-...}. */
    public abstract String instanceId();

    /** The AWS region of the instance. */
    public abstract String region();

    /** EC2's state name: {@code pending}, {@code running}, {@code stopping}, {@code stopped}, ... */
    public abstract String state();

    /** The value of the {@code Name} tag, when the instance has one. */
    public abstract Optional<String> name();

    /** The instance's EC2 tags. */
    public abstract Map<String, String> tags();

    /** The operating system family. */
    public abstract InstancePlatform platform();

    /** The OS name: SSM's {@code PlatformName} where the agent reports it, else EC2's platform details. */
    public abstract String osName();

    /** The OS version: SSM's {@code PlatformVersion}; empty when only EC2's platform details are known. */
    public abstract Optional<String> osVersion();

    /** The EC2 architecture, such as {@code x86_64} or {@code arm64}, when EC2 reports it. */
    public abstract Optional<String> architecture();

    /** Whether an SSM agent reports for the instance ({@code ssm:DescribeInstanceInformation} lists it). */
    public abstract boolean ssmManaged();

    /** The SSM agent's ping status: {@code Online}, {@code ConnectionLost} or {@code Inactive}; empty if unmanaged. */
    public abstract Optional<String> pingStatus();

    /** The SSM agent's version, when it reports one. */
    public abstract Optional<String> ssmAgentVersion();

    /** The instance's Azure Arc status. */
    public abstract ArcStatus arcStatus();

    /** The Azure resource ID of the matching Arc machine; empty when {@link ArcStatus#NOT_ONBOARDED}. */
    public abstract Optional<String> arcResourceId();

    /** The name of the first {@link SupportedOsTable} row the OS matches, when one does. */
    public abstract Optional<String> osRow();

    /** Whether the instance can be onboarded now. */
    public abstract OnboardingVerdict verdict();

    /** The verdict in words, naming the OS-table row that decided where the OS mattered. */
    public abstract String reason();

    /** Builds a {@link DiscoveredInstance}. */
    public static class Builder extends ImmutableDiscoveredInstance.Builder {
    }
}
