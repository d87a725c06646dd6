package dev.finessesignout.confirm;

import java.security.GeneralSecurityException;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.finessesignout.FinesseTrust;
import dev.finessesignout.tls.DirectTlsSocketFactory;
import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * The listener's connection settings for one node's notification service. TLS always: XMPP over TLS from the first
 * byte (direct, Finesse's 5223) or STARTTLS (5222). The certificate is checked against the trust store and must name
 * the host connected to, as for HTTPS: Smack would check the XMPP domain instead, which a Finesse side B certificate
 * does not name. With finesse.tls.trust-all nothing is checked.
 */
public final class XmppConnections {
    private final FinesseTrust trust;
    private final XmppTlsMode mode;
    private final String domain;
    private final String username;
    private final String password;
    private final String resource;
    private final String[] protocols;

    public XmppConnections(FinesseTrust trust, String mode, String domain, String username, String password,
            String resource, String protocols) {
        this.trust = trust;
        try {
            this.mode = XmppTlsMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("finesse.xmpp.tls: " + e.getMessage(), e);
        }
        this.domain = domain;
        this.username = username;
        this.password = password;
        this.resource = resource;
        this.protocols = protocols.split("\\s*,\\s*");
    }

    public XMPPTCPConnectionConfiguration forNode(String host, int port) throws GeneralSecurityException, java.io.IOException {
        X509TrustManager checks = trust.forHost(host);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {checks}, null);
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHost(host)
                .setPort(port)
                .setUsernameAndPassword(username, password)
                .setResource(resource)
                .setSendPresence(false)
                .setEnabledSSLProtocols(protocols)
                .setHostnameVerifier(hostVerifier(host));
        if (mode == XmppTlsMode.DIRECT) {
            // Smack 4.3 knows STARTTLS only: the socket is TLS from the start, so Smack must not ask for STARTTLS
            builder.setSocketFactory(new DirectTlsSocketFactory(tls, protocols)).setSecurityMode(SecurityMode.disabled);
        } else {
            builder.setCustomSSLContext(tls).setSecurityMode(SecurityMode.required);
        }
        return builder.build();
    }

    /** Smack's own check after STARTTLS, made on the host like the trust manager's (it would take the domain). */
    private HostnameVerifier hostVerifier(String host) {
        HostnameVerifier check = trust.hostnameVerifier();
        return (xmppDomain, session) -> check.verify(host, session);
    }
}
