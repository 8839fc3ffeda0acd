package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportedOsTableTest {

    private static final SupportedOsTable TABLE = SupportedOsTable.defaults();

    @Test
    void defaults_areTheTableAzureSecurityCenterDocumented() {
        assertThat(TABLE.rows()).extracting(SupportedOs::name, SupportedOs::ssmAgentPreinstalled).containsExactly(
            tuple("Ubuntu 16.04", true),
            tuple("Ubuntu 18.04", true),
            tuple("Windows Server", true),
            tuple("CentOS Linux 7", false),
            tuple("SUSE Linux Enterprise Server 15 (x64)", false),
            tuple("Red Hat Enterprise Linux 7 (x64)", false));
    }

    @ParameterizedTest
    @CsvSource({
        "LINUX, Ubuntu, 16.04, x86_64, Ubuntu 16.04",
        "LINUX, Ubuntu, 18.04, arm64, Ubuntu 18.04",
        "LINUX, Ubuntu, 18.04.6, x86_64, Ubuntu 18.04",
        "WINDOWS, Microsoft Windows Server 2019 Datacenter, 10.0.17763, x86_64, Windows Server",
        "WINDOWS, Windows, , x86_64, Windows Server",
        "LINUX, CentOS Linux, 7.9.2009, x86_64, CentOS Linux 7",
        "LINUX, SLES, 15.2, x86_64, SUSE Linux Enterprise Server 15 (x64)",
        "LINUX, Red Hat Enterprise Linux Server, 7.9, x86_64, Red Hat Enterprise Linux 7 (x64)"})
    void find_supportedOs_namesItsRow(InstancePlatform platform, String name, String version, String arch,
        String row) {
        assertThat(TABLE.find(platform, name, Optional.ofNullable(version), Optional.of(arch)))
            .map(SupportedOs::name).contains(row);
    }

    @ParameterizedTest
    @CsvSource({
        "LINUX, Ubuntu, 20.04, x86_64",
        "LINUX, Ubuntu, , x86_64",
        "LINUX, Amazon Linux, 2, x86_64",
        "LINUX, CentOS Linux, 8.2, x86_64",
        "LINUX, SLES, 15.2, arm64",
        "LINUX, Red Hat Enterprise Linux, 8.4, x86_64",
        "LINUX, Red Hat Enterprise Linux, 7.9, ",
        "LINUX, Microsoft Windows Server 2019 Datacenter, 10.0.17763, x86_64"})
    void find_unsupportedOs_findsNoRow(InstancePlatform platform, String name, String version, String arch) {
        assertThat(TABLE.find(platform, name, Optional.ofNullable(version), Optional.ofNullable(arch))).isEmpty();
    }

    @Test
    void plus_extendsTheTable_afterTheDefaults() {
        SupportedOs amazonLinux = SupportedOs.builder().name("Amazon Linux 2").platform(InstancePlatform.LINUX)
            .osNamePattern("Amazon Linux").versionPattern("2").build();

        SupportedOsTable table = TABLE.plus(amazonLinux);

        assertThat(table.rows()).hasSize(7).last().isEqualTo(amazonLinux);
        assertThat(table.find(InstancePlatform.LINUX, "amazon linux", Optional.of("2"), Optional.empty()))
            .contains(amazonLinux);
        assertThat(TABLE.rows()).hasSize(6);
    }

    @Test
    void of_replacesTheTable() {
        SupportedOsTable table = SupportedOsTable.of(SupportedOs.builder().name("Ubuntu 22.04")
            .platform(InstancePlatform.LINUX).osNamePattern("Ubuntu").versionPattern("22\\.04.*").build());

        assertThat(table.find(InstancePlatform.LINUX, "Ubuntu", Optional.of("18.04"), Optional.empty())).isEmpty();
        assertThat(table.find(InstancePlatform.LINUX, "Ubuntu", Optional.of("22.04"), Optional.empty())).isPresent();
    }

    @Test
    void build_badPattern_throwsNamingIt() {
        assertThatThrownBy(() -> SupportedOs.builder().name("broken").platform(InstancePlatform.LINUX)
            .osNamePattern("Ubuntu(").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ubuntu(");
    }

    @Test
    void build_macOsRow_isRefused() {
        assertThatThrownBy(() -> SupportedOs.builder().name("macOS").platform(InstancePlatform.MACOS)
            .osNamePattern("macOS").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be LINUX or WINDOWS");
    }
}
