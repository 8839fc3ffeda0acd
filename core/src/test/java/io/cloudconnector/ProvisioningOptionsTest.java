package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
