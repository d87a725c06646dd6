package dev.finessesignout.simulator.xmpp;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.DirectTlsSocketFactory;
import dev.finessesignout.tls.HostCheckingTrustManager;
import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Connection settings of a client session with an XMPP server on an address of our choosing (no DNS SRV lookup), TLS
 * required and verified: the certificate's chain against the trust given, its name against the XMPP domain (RFC 6120's
 * reference identity; Smack checks it after STARTTLS, {@link HostCheckingTrustManager} on a direct TLS socket).
 */
public final class XmppClientSettings {
    private XmppClientSettings() {
    }

    /** TLS through STARTTLS, or from the first byte. */
    public static XMPPTCPConnectionConfiguration.Builder of(XmppTlsMode mode, String domain, String host, int port,
            X509TrustManager trust) throws Exception {
        return mode == XmppTlsMode.DIRECT ? directTls(domain, host, port, trust)
                : startTls(domain, host, port, chainsOnly(trust));
    }

    /** STARTTLS with this client context; Smack then checks that the certificate names the domain. */
    public static XMPPTCPConnectionConfiguration.Builder startTls(String domain, String host, int port, SSLContext tls)
            throws UnknownHostException, XmppStringprepException {
        return address(domain, host, port)
                .setSecurityMode(SecurityMode.required)
                .setCustomSSLContext(tls)
                // Smack's default too (smack-java7), named here so that the check does not hang on an initializer
                .setHostnameVerifier(new XmppHostnameVerifier());
    }

    /**
     * XMPP over TLS: Smack's STARTTLS is off (SecurityMode.disabled) because the socket is encrypted before Smack
     * writes its first byte.
     */
    public static XMPPTCPConnectionConfiguration.Builder directTls(String domain, String host, int port,
            X509TrustManager trust) throws Exception {
        return address(domain, host, port)
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(new DirectTlsSocketFactory(HostCheckingTrustManager.clientContext(trust, domain)));
    }

    private static XMPPTCPConnectionConfiguration.Builder address(String domain, String host, int port)
            throws UnknownHostException, XmppStringprepException {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHostAddress(InetAddress.getByName(host))
                .setPort(port);
    }

    private static SSLContext chainsOnly(X509TrustManager trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }
}
