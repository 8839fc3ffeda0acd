package io.cloudconnector.azure.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.cloudconnector.CloudEndpoints;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.ResiliencePolicy;
import io.cloudconnector.Secret;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client every Azure call goes through (ARM and Microsoft Entra alike): Netty, trusting the JDK's
 * certificate authorities plus, when {@link CloudEndpoints#trustStore()} is set, the certificates in that PKCS#12
 * store. Each request must be answered, and each part of its answer read, within the policy's attempt timeout.
 * {@link #close()} releases its connection pool.
 */
public final class ArmTransport implements AutoCloseable {

    /** The most connections kept open to Azure at once. */
    static final int MAX_CONNECTIONS = 50;

    private final ConnectionProvider connections;
    private final HttpClient httpClient;

    /** The client for {@code endpoints}, with the attempt timeout of {@code policy}. */
    public ArmTransport(CloudEndpoints endpoints, ResiliencePolicy policy) {
        this.connections = ConnectionProvider.create("cloud-connector-azure", MAX_CONNECTIONS);
        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create(connections);
        if (endpoints.trustStore().isPresent()) {
            SslContext ssl = sslContext(endpoints.trustStore().get(), endpoints.trustStorePassword());
            netty = netty.secure(spec -> spec.sslContext(ssl));
        }
        Duration attempt = policy.attemptTimeout();
        this.httpClient = new NettyAsyncHttpClientBuilder(netty)
            .connectTimeout(attempt)
            .writeTimeout(attempt)
            .responseTimeout(attempt)
            .readTimeout(attempt)
            .build();
    }

    /** The azure-core HTTP client. */
    public HttpClient httpClient() {
        return httpClient;
    }

    @Override
    public void close() {
        connections.dispose();
    }

    private static SslContext sslContext(Path trustStore, Optional<Secret> password) {
        try {
            KeyStore merged = KeyStore.getInstance("PKCS12");
            merged.load(null, null);
            int index = 0;
            for (X509Certificate authority : jdkTrustManager().getAcceptedIssuers()) {
                merged.setCertificateEntry("jdk-" + index++, authority);
            }
            KeyStore custom = load(trustStore, password);
            for (String alias : Collections.list(custom.aliases())) {
                Certificate certificate = custom.getCertificate(alias);
                if (certificate != null) {
                    merged.setCertificateEntry("custom-" + alias, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(merged);
            return SslContextBuilder.forClient().trustManager(factory).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectorException("Cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, Optional<Secret> password) throws IOException,
        GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.map(secret -> secret.reveal().toCharArray()).orElse(null));
        }
        return store;
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JDK offers no X.509 trust manager");
    }
}
