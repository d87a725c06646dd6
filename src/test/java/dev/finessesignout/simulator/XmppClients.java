package dev.finessesignout.simulator;

import java.net.InetAddress;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XMPP client sessions with the simulator's notification services (side A's unless a side is named), logged in as a
 * simulated user.
 */
final class XmppClients {
    private XmppClients() {
    }

    /** Logs in, retrying: right after a restart Vysper can send a stream header Smack's parser refuses once. */
    static XMPPTCPConnection connect(FinesseSimulator simulator, SSLContext tls, String user, String password)
            throws Exception {
        return connect(simulator, "A", tls, user, password);
    }

    /** Logs in to that side's service, retrying as {@link #connect(FinesseSimulator, SSLContext, String, String)}. */
    static XMPPTCPConnection connect(FinesseSimulator simulator, String side, SSLContext tls, String user,
            String password) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(simulator, side, tls, user, password);
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    static XMPPTCPConnection connectOnce(FinesseSimulator simulator, SSLContext tls, String user, String password)
            throws Exception {
        return connectOnce(simulator, "A", tls, user, password);
    }

    static XMPPTCPConnection connectOnce(FinesseSimulator simulator, String side, SSLContext tls, String user,
            String password) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(simulator.xmppDomain())
                .setHostAddress(InetAddress.getByName("127.0.0.1"))
                .setPort(simulator.xmppPort(side))
                .setUsernameAndPassword(user, password)
                .setResource("test")
                .setSecurityMode(SecurityMode.required)
                .setCustomSSLContext(tls)
                .setEnabledSSLProtocols(new String[] {"TLSv1.2"})
                .build());
        return loggedIn(connection);
    }

    /** Connected and logged in, with a reply timeout a busy machine's first TLS handshake fits in; shut on failure. */
    static XMPPTCPConnection loggedIn(XMPPTCPConnection connection) throws Exception {
        connection.setReplyTimeout(30_000);
        try {
            connection.connect().login();
        } catch (Exception e) {
            connection.instantShutdown();
            throw e;
        }
        return connection;
    }

    static PubSubManager pubsub(XMPPTCPConnection connection, FinesseSimulator simulator) throws Exception {
        return PubSubManager.getInstance(connection, JidCreate.bareFrom("pubsub." + simulator.xmppDomain()));
    }

    /** The pubsub service of the session's own domain. */
    static PubSubManager pubsub(XMPPTCPConnection connection) throws Exception {
        return PubSubManager.getInstance(connection, JidCreate.bareFrom("pubsub." + connection.getXMPPServiceDomain()));
    }
}
