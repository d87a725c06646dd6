package dev.finessesignout;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.HostCheckingTrustManager;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * Trust in Finesse's certificates, for HTTPS and XMPP alike: the configured trust store (or the JVM's default trust),
 * with the host name checked against the certificate. Only with finesse.tls.trust-all is nothing checked, which the
 * bundle says loudly at start.
 */
public final class FinesseTrust {
    private static final HostnameVerifier HOST_NAMES = new DefaultHostnameVerifier();
    private final X509TrustManager store;
    private final boolean trustAll;

    private FinesseTrust(X509TrustManager store, boolean trustAll) {
        this.store = store;
        this.trustAll = trustAll;
    }

    /** @param managers the trust store's managers, or null for the JVM's default trust */
    public static FinesseTrust of(TrustManager[] managers, boolean trustAll) throws GeneralSecurityException {
        if (trustAll) {
            return new FinesseTrust(new TrustingAll(), true);
        }
        if (managers == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            managers = factory.getTrustManagers();
        }
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return new FinesseTrust(x509, false);
            }
        }
        throw new GeneralSecurityException("the trust store gives no X.509 trust manager");
    }

    public boolean trustsAll() {
        return trustAll;
    }

    /** For the https component, which checks host names with {@link #hostnameVerifier()} itself. */
    public X509TrustManager trustManager() {
        return store;
    }

    public HostnameVerifier hostnameVerifier() {
        return trustAll ? NoopHostnameVerifier.INSTANCE : HOST_NAMES;
    }

    /** A trust manager that also wants the certificate to name this host (for connections that do not check it). */
    public X509TrustManager forHost(String host) {
        return trustAll ? store : new HostCheckingTrustManager(store, host);
    }

    /** finesse.tls.trust-all: any certificate, from anyone. */
    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
