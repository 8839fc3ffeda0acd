package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** azure-identity's ClientSecretCredential gets a token from the sandbox as from any authority. */
class AzureIdentityTest {

    @Test
    void clientSecretCredential_sandboxAuthority_getsAToken() throws Exception {
        try (CloudSandbox sandbox = CloudSandbox.start()) {
            SandboxSeed.Azure azure = sandbox.seed().azure();
            ClientSecretCredential credential = new ClientSecretCredentialBuilder().tenantId(azure.tenantId())
                .clientId(azure.clientId()).clientSecret(azure.clientSecret())
                .authorityHost(sandbox.authorityUri().toString()).disableInstanceDiscovery()
                .httpClient(trusting(sandbox)).build();

            AccessToken token = credential.getTokenSync(new TokenRequestContext()
                .addScopes(sandbox.armUri() + "/.default"));

            assertThat(sandbox.secrets()).contains(token.getToken());
            assertThat(sandbox.stats().requests("entra:POST token")).isEqualTo(1);
        }
    }

    private static HttpClient trusting(CloudSandbox sandbox) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(sandbox.trustStore())) {
            store.load(in, sandbox.trustStorePassword().reveal().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
            .secure(spec -> spec.sslContext(sslContext(trust)));
        return new NettyAsyncHttpClientBuilder(netty).build();
    }

    private static io.netty.handler.ssl.SslContext sslContext(TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
