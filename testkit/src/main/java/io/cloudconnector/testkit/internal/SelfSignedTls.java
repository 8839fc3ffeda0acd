package io.cloudconnector.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate generated at start for {@code localhost} and {@code 127.0.0.1} (EC P-256, valid one day), written
 * to a PKCS#12 key store for the server and a PKCS#12 trust store for clients, in a private temporary folder that
 * {@link #delete()} removes.
 */
public final class SelfSignedTls {

    private static final String ALIAS = "cloud-sandbox";

    private final Path folder;
    private final Path keyStore;
    private final Path trustStore;
    private final String password;
    private final KeyStore trust;

    private SelfSignedTls(Path folder, Path keyStore, Path trustStore, String password, KeyStore trust) {
        this.folder = folder;
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
        this.trust = trust;
    }

    /**
     * Generates the certificate and writes both stores.
     *
     * @throws IllegalStateException when the JDK cannot generate or store the key
     * @throws UncheckedIOException when the stores cannot be written
     */
    public static SelfSignedTls generate() {
        try {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certificate(pair);
            Path folder = Files.createTempDirectory("cloud-sandbox-tls",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            Path keyStore = store(keys, folder.resolve("sandbox-keystore.p12"), password);
            Path trustStore = store(trust, folder.resolve("sandbox-truststore.p12"), password);
            return new SelfSignedTls(folder, keyStore, trustStore, password, trust);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the sandbox's certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's key stores", e);
        }
    }

    private static X509Certificate certificate(KeyPair pair) throws GeneralSecurityException, IOException,
        OperatorCreationException {
        X500Name name = new X500Name("CN=localhost, O=cloud-connector sandbox");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
            BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static Path store(KeyStore store, Path file, String password) throws IOException,
        GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** The server's PKCS#12 key store. */
    public Path keyStore() {
        return keyStore;
    }

    /** The clients' PKCS#12 trust store. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores. */
    public String password() {
        return password;
    }

    /** A TLS context trusting the certificate. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for the sandbox's certificate", e);
        }
    }

    /** Removes the stores and their folder. */
    public void delete() {
        try {
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sandbox's key stores in " + folder, e);
        }
    }
}
