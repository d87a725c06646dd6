package dev.finessesignout.simulator;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate the simulator makes for itself at start, valid for localhost and 127.0.0.1, like the self-signed
 * certificate of a fresh Finesse install. Clients trust it through the trust store it writes.
 */
final class SelfSignedCertificate {
    /** Protects only an in-memory copy of a throw-away key. */
    static final String KEY_PASSWORD = "simulator";
    private final KeyPair keys;
    private final X509Certificate certificate;

    /** @param names the names it lists (the first one is also its CN): host names, or IPv4 addresses */
    SelfSignedCertificate(java.util.List<String> names) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + names.get(0) + ", O=finesse-signout simulator");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                .map(each -> new GeneralName(each.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, each))
                .toArray(GeneralName[]::new)));
        certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    SSLContext serverContext() throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore(), KEY_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** A client context that trusts this certificate only. */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("finesse-simulator", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** The key and certificate as a PKCS12 file's bytes (password {@link #KEY_PASSWORD}), for the XMPP server. */
    byte[] keyStoreBytes() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        keyStore().store(out, KEY_PASSWORD.toCharArray());
        return out.toByteArray();
    }

    private KeyStore keyStore() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("finesse", keys.getPrivate(), KEY_PASSWORD.toCharArray(), new X509Certificate[] {certificate});
        return keyStore;
    }

    /** Writes a PKCS12 trust store holding this certificate and the others given. */
    void writeTrustStore(Path file, String password, java.util.List<X509Certificate> others) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("finesse-simulator", certificate);
        for (int i = 0; i < others.size(); i++) {
            trustStore.setCertificateEntry("trusted-" + (i + 1), others.get(i));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore.store(out, password.toCharArray());
        }
    }
}
