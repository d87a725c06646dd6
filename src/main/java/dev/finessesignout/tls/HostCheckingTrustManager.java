package dev.finessesignout.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

/**
 * Trusts a server's certificate only when a trust store vouches for its chain AND it names the expected host. A TLS
 * socket made outside a library that checks names itself (direct TLS with Smack: its own check runs after STARTTLS
 * only) would otherwise accept any trusted certificate, whatever name it carries.
 */
public final class HostCheckingTrustManager implements X509TrustManager {
    private final X509TrustManager chains;
    private final String expectedHost;
    private final DefaultHostnameVerifier names = new DefaultHostnameVerifier();

    public HostCheckingTrustManager(X509TrustManager chains, String expectedHost) {
        this.chains = chains;
        this.expectedHost = expectedHost;
    }

    /** The default trust manager of a trust store (PKCS12 or JKS, by the file's content). */
    public static X509TrustManager of(Path trustStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(trustStore.toFile(), password.toCharArray());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager for " + trustStore);
    }

    /** A client TLS context trusting these chains, for this host name only. */
    public static SSLContext clientContext(X509TrustManager chains, String expectedHost) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new HostCheckingTrustManager(chains, expectedHost)}, null);
        return context;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chains.checkServerTrusted(chain, authType);
        try {
            names.verify(expectedHost, chain[0]);
        } catch (SSLException wrongName) {
            throw new CertificateException("the server's certificate does not name " + expectedHost + ": "
                    + wrongName.getMessage(), wrongName);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client-side trust manager does not judge clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chains.getAcceptedIssuers();
    }
}
