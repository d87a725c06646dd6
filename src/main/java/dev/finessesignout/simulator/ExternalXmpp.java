package dev.finessesignout.simulator;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.HostCheckingTrustManager;
import dev.finessesignout.tls.XmppTlsMode;

/**
 * The simulator's external mode (simulator.xmpp.server=external): it runs no XMPP server of its own, but publishes each
 * side's notifications through an XMPP server at that side's host and port (simulator.side-a/b.xmpp-host and -port),
 * logged in as an account the server makes an admin, over STARTTLS or direct TLS, trusting the server's certificate
 * through a trust store (the JVM's default trust when none is named).
 */
public record ExternalXmpp(String sideAHost, String sideBHost, String publisher, String publisherPassword,
        XmppTlsMode tls, Path trustStore, String trustStorePassword) {

    /**
     * The external mode's settings, or null for {@code embedded} (the simulator's own servers).
     *
     * @throws IllegalArgumentException for another server kind, a missing account or password, or another TLS mode
     */
    public static ExternalXmpp of(String server, String sideAHost, String sideBHost, String publisher,
            String publisherPassword, String tls, String trustStore, String trustStorePassword) {
        String kind = server == null ? "embedded" : server.strip().toLowerCase(Locale.ROOT);
        if ("embedded".equals(kind)) {
            return null;
        }
        if (!"external".equals(kind)) {
            throw new IllegalArgumentException("simulator.xmpp.server '" + server + "': embedded or external");
        }
        if (isBlank(publisher) || isBlank(publisherPassword)) {
            throw new IllegalArgumentException("simulator.xmpp.server=external needs simulator.xmpp.publisher and "
                    + "simulator.xmpp.publisher.password: an account the XMPP servers make an admin");
        }
        return new ExternalXmpp(sideAHost, sideBHost, publisher, publisherPassword, XmppTlsMode.of(tls),
                isBlank(trustStore) ? null : Path.of(trustStore), trustStorePassword == null ? "" : trustStorePassword);
    }

    public String host(String side) {
        return "B".equalsIgnoreCase(side) ? sideBHost : sideAHost;
    }

    /** The chains the servers' certificates are checked against: the trust store's, or the JVM's default. */
    public X509TrustManager trust() throws Exception {
        if (trustStore != null) {
            return HostCheckingTrustManager.of(trustStore, trustStorePassword);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /** The certificates of the trust store (none without one), for the trust store the simulator writes. */
    public List<X509Certificate> trustedCertificates() throws Exception {
        if (trustStore == null) {
            return List.of();
        }
        KeyStore store = KeyStore.getInstance(trustStore.toFile(), trustStorePassword.toCharArray());
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        return certificates;
    }

    /** Never the password: this may be logged. */
    @Override
    public String toString() {
        return "ExternalXmpp[sideAHost=" + sideAHost + ", sideBHost=" + sideBHost + ", publisher=" + publisher
                + ", tls=" + tls + ", trustStore=" + trustStore + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
