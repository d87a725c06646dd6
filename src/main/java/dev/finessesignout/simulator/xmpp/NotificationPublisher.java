package dev.finessesignout.simulator.xmpp;

import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Publishes notifications to pubsub nodes as Finesse does, through an ordinary XMPP client session. Each publish waits
 * for the server's reply: a burst of unanswered publishes is where an embedded server was seen to drop items. (The
 * reply says the item was accepted, not delivered: delivery to subscribers follows on the server's own threads.)
 */
public final class NotificationPublisher implements AutoCloseable {
    /** A first TLS handshake on a busy machine can take seconds; Smack's default is 5 s. */
    private static final long REPLY_TIMEOUT_MILLIS = 30_000;
    private final XMPPTCPConnection connection;
    private final PubSubManager pubsub;
    private final Map<String, LeafNode> nodes = new ConcurrentHashMap<>();

    public NotificationPublisher(String domain, String host, int port, String account, String password, SSLContext tls)
            throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHostAddress(InetAddress.getByName(host))
                .setPort(port)
                .setUsernameAndPassword(account, password)
                .setResource("simulator")
                .setSecurityMode(SecurityMode.required)
                .setCustomSSLContext(tls)
                // Vysper's TLS runs on MINA 2.0 (2011), which predates TLS 1.3; 1.2 is what Finesse requires at least
                .setEnabledSSLProtocols(new String[] {"TLSv1.2"})
                .build();
        connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(REPLY_TIMEOUT_MILLIS);
        connection.connect().login();
        pubsub = PubSubManager.getInstance(connection, JidCreate.bareFrom("pubsub." + domain));
    }

    /** Makes sure the node exists, so that clients can subscribe before anything is published. */
    public synchronized void createNode(String nodeId) throws Exception {
        if (!nodes.containsKey(nodeId)) {
            nodes.put(nodeId, pubsub.getOrCreateLeafNode(nodeId));
        }
    }

    /** Publishes one item (a {@code <notification>} payload) to the node, creating the node the first time. */
    public synchronized void publish(String nodeId, String notificationXml) throws Exception {
        createNode(nodeId);
        nodes.get(nodeId).publish(new PayloadItem<>(UUID.randomUUID().toString(),
                new SimplePayload("notification", "http://jabber.org/protocol/pubsub", notificationXml)));
    }

    @Override
    public void close() {
        // Vysper never sends the closing stream element that disconnect() would wait 5 s for
        connection.instantShutdown();
    }
}
