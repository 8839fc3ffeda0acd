package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CloudEndpointsTest {

    @Test
    void toString_withCredentials_redactsEverySecret() {
        CloudEndpoints endpoints = CloudEndpoints.builder()
            .aws(URI.create("http://127.0.0.1:4566"))
            .trustStorePassword(Secret.of("store-password-1"))
            .awsCredentials(AwsAuthentication.accessKeys(Specs.ACCESS_KEY_ID, Secret.of(Specs.SECRET_ACCESS_KEY)))
            .azureClientId(Specs.SERVICE_PRINCIPAL_ID)
            .azureClientSecret(Secret.of("client-secret-2"))
            .build();

        assertThat(endpoints.toString())
            .contains("127.0.0.1:4566", Specs.SERVICE_PRINCIPAL_ID)
            .doesNotContain("store-password-1", Specs.SECRET_ACCESS_KEY, "client-secret-2", Specs.ACCESS_KEY_ID);
    }

    @Test
    void publicCloud_hasNoOverrides() {
        CloudEndpoints endpoints = CloudEndpoints.publicCloud();

        assertThat(endpoints.aws()).isEmpty();
        assertThat(endpoints.arm()).isEmpty();
        assertThat(endpoints.awsCredentials()).isEmpty();
    }
}
