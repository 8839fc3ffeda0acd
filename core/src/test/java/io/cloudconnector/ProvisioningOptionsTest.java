package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvisioningOptionsTest {

    @Test
    void defaults_areCis140AndTheRoleOnly() {
        ProvisioningOptions options = ProvisioningOptions.defaults();

        assertThat(options.cisVersion()).isEqualTo("1.4.0");
        assertThat(options.createRole()).isTrue();
        assertThat(options.roleName()).isEmpty();
        assertThat(options.configBucket()).isEmpty();
        assertThat(options.createConfigBucket()).isFalse();
        assertThat(options.createUser()).isFalse();
        assertThat(options.createAccessKey()).isFalse();
        assertThat(options.createServicePrincipal()).isFalse();
        assertThat(options.servicePrincipalName()).isEmpty();
        assertThat(options.clientSecretLifetime()).isEqualTo(Duration.ofDays(365));
        assertThat(options.arcResourceGroup()).isEmpty();
        assertThat(options.arcRegion()).isEmpty();
    }

    @Test
    void build_brokenServicePrincipalRules_namesEveryOneWithItsValue() {
        assertThatThrownBy(() -> ProvisioningOptions.builder().createServicePrincipal(true)
            .servicePrincipalName("Arc\nOnboarding").clientSecretLifetime(Duration.ofHours(36))
            .arcResourceGroup("arc/machines").arcRegion("Mars Central").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("servicePrincipalName: must be 1 to 120 characters without control characters, "
                + "not only white space (was 'ArcU+000AOnboarding')")
            .hasMessageContaining("clientSecretLifetime: must be 1 to 730 days, in whole days (was 1.5 days)")
            .hasMessageContaining("arcResourceGroup: must be 1 to 90 characters of letters, digits, '_', '-', '.', "
                + "'(' and ')', not ending in '.'; not allowed: '/' (was 'arc/machines')")
            .hasMessageContaining("arcRegion: must be an Azure region: a location name such as westus2 or a display "
                + "name such as West US 2 (was 'Mars Central')");
    }

    @Test
    void build_servicePrincipalLimits_acceptTheBoundsAndRejectBeyond() {
        assertThat(ProvisioningOptions.builder().createServicePrincipal(true).servicePrincipalName("a".repeat(120))
            .clientSecretLifetime(Duration.ofDays(730)).build().clientSecretLifetime()).isEqualTo(Duration.ofDays(730));
        assertThat(ProvisioningOptions.builder().clientSecretLifetime(Duration.ofDays(1)).build()
            .clientSecretLifetime()).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> ProvisioningOptions.builder().createServicePrincipal(true)
            .servicePrincipalName("a".repeat(121)).build())
            .hasMessageContaining("servicePrincipalName: must be 1 to 120 characters");
        assertThatThrownBy(() -> ProvisioningOptions.builder().createServicePrincipal(true)
            .servicePrincipalName(" ").build())
            .hasMessageContaining("servicePrincipalName: must be 1 to 120 characters");
        assertThatThrownBy(() -> ProvisioningOptions.builder().clientSecretLifetime(Duration.ofDays(731)).build())
            .hasMessageContaining("clientSecretLifetime: must be 1 to 730 days, in whole days (was 731 days)");
        assertThatThrownBy(() -> ProvisioningOptions.builder().clientSecretLifetime(Duration.ZERO).build())
            .hasMessageContaining("clientSecretLifetime: must be 1 to 730 days");
    }

    @Test
    void build_servicePrincipalValuesWithoutTheServicePrincipal_rejectedAsUnused() {
        assertThatThrownBy(() -> ProvisioningOptions.builder().servicePrincipalName("n").arcResourceGroup("rg")
            .arcRegion("westeurope").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("servicePrincipalName, arcResourceGroup, arcRegion: only used with "
                + "createServicePrincipal(true), which is off");
    }

    @Test
    void build_brokenRules_namesEveryOneWithItsValue() {
        assertThatThrownBy(() -> ProvisioningOptions.builder().cisVersion("latest").configBucket("My_Bucket")
            .roleName("bad name").createAccessKey(true).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cisVersion: must be a version such as 1.4.0 (was 'latest')")
            .hasMessageContaining("configBucket: must be an S3 bucket name")
            .hasMessageContaining("(was 'My_Bucket')")
            .hasMessageContaining("roleName: must be 1 to 64 letters")
            .hasMessageContaining("createAccessKey: needs createUser(true)");
    }
}
