package io.cloudconnector;

import io.cloudconnector.internal.ValueStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The operating systems EC2 instances may run to be onboarded to Azure Arc, as rows tried in order: the first
 * matching row decides, and verdict reasons name it.
 *
 * <p>{@link #defaults()} is the table Azure Security Center documented for automatic onboarding of AWS instances:
 * Ubuntu 16.04 and 18.04 and Windows Server, whose AWS images come with the SSM agent, and CentOS Linux 7, SUSE Linux
 * Enterprise Server 15 (x64) and Red Hat Enterprise Linux 7 (x64), on which the owner installs the SSM agent. A host
 * replaces the table with {@link #of(SupportedOs...)} or extends it with {@link #plus(SupportedOs...)}.
 */
@Value.Immutable
@ValueStyle
public abstract class SupportedOsTable {

    /** The EC2 architecture name of 64-bit x86. */
    public static final String X86_64 = "x86_64";

    private static final SupportedOsTable DEFAULTS = of(
        linux("Ubuntu 16.04", "Ubuntu.*", "16\\.04(\\..*)?", true),
        linux("Ubuntu 18.04", "Ubuntu.*", "18\\.04(\\..*)?", true),
        SupportedOs.builder().name("Windows Server").platform(InstancePlatform.WINDOWS)
            .osNamePattern("(Microsoft )?Windows.*").ssmAgentPreinstalled(true).build(),
        linux("CentOS Linux 7", "CentOS.*", "7(\\..*)?", false),
        SupportedOs.builder().from(linux("SUSE Linux Enterprise Server 15 (x64)",
            "(SLES|SUSE Linux Enterprise Server|SUSE Linux).*", "15(\\..*)?", false)).addArchitectures(X86_64).build(),
        SupportedOs.builder().from(linux("Red Hat Enterprise Linux 7 (x64)",
            "(Red Hat Enterprise Linux|RHEL).*", "7(\\..*)?", false)).addArchitectures(X86_64).build());

    /** The rows, tried in order. */
    public abstract List<SupportedOs> rows();

    /** The table Azure Security Center documented (see the class comment). */
    public static SupportedOsTable defaults() {
        return DEFAULTS;
    }

    /** A table of exactly these rows, tried in this order. */
    public static SupportedOsTable of(SupportedOs... rows) {
        return ImmutableSupportedOsTable.builder().addRows(rows).build();
    }

    /** This table with {@code extra} rows appended (tried after the existing ones). */
    public SupportedOsTable plus(SupportedOs... extra) {
        List<SupportedOs> all = new ArrayList<>(rows());
        all.addAll(Arrays.asList(extra));
        return ImmutableSupportedOsTable.builder().addAllRows(all).build();
    }

    /** The first row of {@code platform} the OS matches, if any (see {@link SupportedOs#matches}). */
    public Optional<SupportedOs> find(InstancePlatform platform, String osName, Optional<String> osVersion,
        Optional<String> architecture) {
        return rows().stream()
            .filter(row -> row.platform() == platform && row.matches(osName, osVersion, architecture))
            .findFirst();
    }

    private static SupportedOs linux(String name, String osName, String version, boolean preinstalled) {
        return SupportedOs.builder().name(name).platform(InstancePlatform.LINUX).osNamePattern(osName)
            .versionPattern(version).ssmAgentPreinstalled(preinstalled).build();
    }
}
