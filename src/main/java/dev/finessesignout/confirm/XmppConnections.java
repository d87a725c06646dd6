package dev.finessesignout.confirm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;

import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.finessesignout.FinesseTrust;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * The listener's connection settings for one node's notification service. TLS always: XMPP over TLS from the first
 * byte (direct, Finesse's 5223) or STARTTLS (5222). The certificate is checked against the trust store and must name
 * the host connected to, as for HTTPS: Smack would check the XMPP domain instead, which a Finesse side B certificate
 * does not name. With finesse.tls.trust-all nothing is checked.
 */
public final class XmppConnections {
    public enum TlsMode { STARTTLS, DIRECT }

    private final FinesseTrust trust;
    private final TlsMode mode;
    private final String domain;
    private final String username;
    private final String password;
    private final String resource;
    private final String[] protocols;

    public XmppConnections(FinesseTrust trust, String mode, String domain, String username, String password,
            String resource, String protocols) {
        this.trust = trust;
        this.mode = tlsMode(mode);
        this.domain = domain;
        this.username = username;
        this.password = password;
        this.resource = resource;
        this.protocols = protocols.split("\\s*,\\s*");
    }

    private static TlsMode tlsMode(String mode) {
        try {
            return TlsMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("finesse.xmpp.tls must be direct or starttls, not '" + mode + "'");
        }
    }

    public XMPPTCPConnectionConfiguration forNode(String host, int port) throws GeneralSecurityException, IOException {
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
        if (mode == TlsMode.DIRECT) {
            // Smack 4.3 knows STARTTLS only: the socket is TLS from the start, so Smack must not ask for STARTTLS
            builder.setSocketFactory(new DirectTls(tls, host, protocols)).setSecurityMode(SecurityMode.disabled);
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

    /** Sockets that speak TLS from the first byte, with the host as SNI name; the handshake runs on first use. */
    private static final class DirectTls extends SocketFactory {
        private final SSLContext tls;
        private final String host;
        private final String[] protocols;

        DirectTls(SSLContext tls, String host, String[] protocols) {
            this.tls = tls;
            this.host = host;
            this.protocols = protocols.clone();
        }

        @Override
        public Socket createSocket() throws IOException {
            return configure((SSLSocket) tls.getSocketFactory().createSocket());
        }

        @Override
        public Socket createSocket(String h, int port) throws IOException {
            return configure((SSLSocket) tls.getSocketFactory().createSocket(h, port));
        }

        @Override
        public Socket createSocket(String h, int port, InetAddress local, int localPort) throws IOException {
            return configure((SSLSocket) tls.getSocketFactory().createSocket(h, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress address, int port) throws IOException {
            return configure((SSLSocket) tls.getSocketFactory().createSocket(address, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return configure((SSLSocket) tls.getSocketFactory().createSocket(address, port, local, localPort));
        }

        private SSLSocket configure(SSLSocket socket) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(protocols);
            if (!host.contains(":") && !host.matches("[0-9.]+")) { // SNI names are host names, never addresses
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            return socket;
        }
    }
}
