package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One row of the {@link SupportedOsTable}: an operating system that can be onboarded to Azure Arc through SSM Run
 * Command. An instance matches the row when its OS name matches {@link #osNamePattern()}, its OS version matches
 * {@link #versionPattern()} (when set), and its architecture is one of {@link #architectures()} (when set).
 *
 * <p>Patterns are Java regular expressions matched against the whole value, ignoring case. The OS name and version
 * come from SSM's {@code PlatformName} and {@code PlatformVersion} (such as {@code Ubuntu} and {@code 18.04}), or
 * from EC2's {@code platformDetails} (such as {@code Red Hat Enterprise Linux}, no version) when the SSM agent does
 * not report them.
 *
 * @throws IllegalArgumentException from {@code build()} when a pattern is not a valid regular expression, or the
 *     platform is {@link InstancePlatform#MACOS}
 */
@Value.Immutable
@ValueStyle
public abstract class SupportedOs {

    /** A builder; the version and architectures default to any, {@code ssmAgentPreinstalled} to false. */
    public static Builder builder() {
        return new Builder();
    }

    /** The row's name, shown in verdict reasons, such as {@code Ubuntu 18.04}. */
    public abstract String name();

    /** The platform; it decides the Run Command document and script. Linux or Windows. */
    public abstract InstancePlatform platform();

    /** A regular expression the whole OS name must match, ignoring case, such as {@code Ubuntu.*}. */
    public abstract String osNamePattern();

    /** A regular expression the whole OS version must match, ignoring case; empty matches any version. */
    public abstract Optional<String> versionPattern();

    /** EC2 architectures in EC2's lower-case spelling ({@code x86_64}, {@code arm64}) the row covers; empty: all. */
    public abstract Set<String> architectures();

    /** Whether the SSM agent comes preinstalled on AWS's images of this OS (else the owner installs it). */
    @Value.Default
    public boolean ssmAgentPreinstalled() {
        return false;
    }

    /**
     * Whether an instance with this OS name, version and architecture matches the row. An empty version never
     * matches a row that has a version pattern; an empty architecture never matches a row that lists architectures.
     */
    public boolean matches(String osName, Optional<String> osVersion, Optional<String> architecture) {
        if (!namePattern().matcher(osName).matches()) {
            return false;
        }
        if (versionPattern().isPresent()
            && !osVersion.map(version -> compiledVersionPattern().matcher(version).matches()).orElse(false)) {
            return false;
        }
        return architectures().isEmpty()
            || architecture.map(arch -> architectures().contains(arch.toLowerCase(Locale.ROOT))).orElse(false);
    }

    @Value.Lazy
    Pattern namePattern() {
        return Pattern.compile(osNamePattern(), Pattern.CASE_INSENSITIVE);
    }

    @Value.Lazy
    Pattern compiledVersionPattern() {
        return Pattern.compile(versionPattern().orElse(".*"), Pattern.CASE_INSENSITIVE);
    }

    @Value.Check
    protected void check() {
        if (platform() == InstancePlatform.MACOS) {
            throw new IllegalArgumentException("SupportedOs '" + name() + "': platform must be LINUX or WINDOWS "
                + "(Run Command onboarding exists for those only), was MACOS");
        }
        Pattern.compile(osNamePattern());
        versionPattern().ifPresent(Pattern::compile);
    }

    /** Builds a {@link SupportedOs}. */
    public static class Builder extends ImmutableSupportedOs.Builder {
    }
}
