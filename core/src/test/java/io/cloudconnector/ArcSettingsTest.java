package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArcSettingsTest {

    @Test
    void toString_proxyWithPassword_masksUserInfoAndSecret() {
        ArcSettings arc = ArcSettings.builder().resourceGroup("rg").azureRegion("westus2")
            .servicePrincipalId("11111111-2222-3333-4444-555555555555").servicePrincipalSecret(Secret.of("sp-s3cret"))
            .proxy(URI.create("http://bob:hunter2@proxy.example:3128")).putTags("team", "blue").build();

        assertThat(arc.toString())
            .contains("proxy=http://***@proxy.example:3128", "resourceGroup=rg", "team=blue")
            .doesNotContain("hunter2", "bob", "sp-s3cret");
    }

    @Test
    void toString_noProxy_saysNone() {
        ArcSettings arc = ArcSettings.builder().resourceGroup("rg").azureRegion("westus2")
            .servicePrincipalId("11111111-2222-3333-4444-555555555555").servicePrincipalSecret(Secret.of("sp-s3cret"))
            .build();

        assertThat(arc.toString()).contains("proxy=none").doesNotContain("sp-s3cret");
    }
}
