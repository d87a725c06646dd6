package dev.finessesignout.simulator.xmpp;

import java.net.InetAddress;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes notifications to pubsub nodes as Finesse does, through an ordinary XMPP client session. Each publish waits
 * for the server's reply: a burst of unanswered publishes is where an embedded server was seen to drop items. (The
 * reply says the item was accepted, not delivered: delivery to subscribers follows on the server's own threads.)
 * <p>
 * When the session is lost (the server went down), a publish logs in again with a new session, retrying until the
 * server is back or {@link #RECONNECT_PATIENCE_MILLIS} have passed, and then publishes: callers that publish one item
 * after another lose nothing to a short outage. An item whose reply was lost with the session is published again
 * under the same item id: a subscriber may receive it twice, but does not miss it.
 */
public final class NotificationPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationPublisher.class);
    /** A first TLS handshake on a busy machine can take seconds; Smack's default is 5 s. */
    private static final long REPLY_TIMEOUT_MILLIS = 30_000;
    /** How long one publish keeps logging in again before it gives up. */
    private static final long RECONNECT_PATIENCE_MILLIS = 60_000;
    private static final long RECONNECT_PAUSE_MILLIS = 250;
    /** How often a wait for a reply looks whether the session is still there (Smack's own wait would not notice). */
    private static final long SESSION_CHECK_MILLIS = 100;
    private final XMPPTCPConnectionConfiguration config;
    private final BareJid pubsubService;
    /** Nodes known to exist; they outlast a lost session, as the server keeps them. */
    private final Set<String> nodes = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private volatile XMPPTCPConnection connection;
    private volatile boolean closed;

    public NotificationPublisher(String domain, String host, int port, String account, String password, SSLContext tls)
            throws Exception {
        config = XMPPTCPConnectionConfiguration.builder()
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
        pubsubService = JidCreate.bareFrom("pubsub." + domain);
        connection = login();
    }

    /** Makes sure the node exists, so that clients can subscribe before anything is published. */
    public synchronized void createNode(String nodeId) throws Exception {
        inSession(session -> ensureNode(session, nodeId));
    }

    /** Publishes one item (a {@code <notification>} payload) to the node, creating the node the first time. */
    public synchronized void publish(String nodeId, String notificationXml) throws Exception {
        PayloadItem<SimplePayload> item = new PayloadItem<>(UUID.randomUUID().toString(),
                new SimplePayload("notification", "http://jabber.org/protocol/pubsub", notificationXml));
        inSession(session -> {
            ensureNode(session, nodeId);
            awaitReply(session, PubSub.createPubsubPacket(pubsubService, IQ.Type.set, new PublishItem<>(nodeId, item)));
        });
        published.incrementAndGet();
    }

    /** How many items the server has accepted so far. */
    public long published() {
        return published.get();
    }

    private void ensureNode(XMPPTCPConnection session, String nodeId) throws Exception {
        if (!nodes.contains(nodeId)) {
            PubSubManager.getInstance(session, pubsubService).getOrCreateLeafNode(nodeId);
            nodes.add(nodeId);
        }
    }

    /** Runs the step in the current session; when the session is lost, logs in again and runs the step again. */
    private void inSession(SessionStep step) throws Exception {
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_PATIENCE_MILLIS);
        while (true) {
            if (closed) {
                throw new NotConnectedException("the publisher was closed");
            }
            XMPPTCPConnection session = connection;
            Exception lost;
            if (session.isAuthenticated()) {
                try {
                    step.run(session);
                    return;
                } catch (Exception e) {
                    // Smack notices a closed socket on its own thread: NotConnected may come while isConnected()
                    boolean sessionGone = e instanceof NotConnectedException || !session.isConnected();
                    if (!sessionGone) {
                        throw e; // an error, or no reply from a server that is still there
                    }
                    lost = e;
                }
            } else {
                lost = new NotConnectedException(session, "the session was closed");
            }
            connection = loginAgain(lost, giveUpAt);
        }
    }

    /** A new session with the same configuration, once the server accepts it again. */
    private XMPPTCPConnection loginAgain(Exception lost, long giveUpAt) throws Exception {
        connection.instantShutdown();
        LOG.info("Notification session lost ({}): logging in again", lost.toString());
        for (int attempt = 1; ; attempt++) {
            try {
                XMPPTCPConnection session = login();
                LOG.info("Notification session back after {} attempt(s)", attempt);
                return session;
            } catch (Exception refused) {
                if (closed || System.nanoTime() - giveUpAt > 0) {
                    refused.addSuppressed(lost);
                    throw refused;
                }
                Thread.sleep(RECONNECT_PAUSE_MILLIS);
            }
        }
    }

    private XMPPTCPConnection login() throws Exception {
        XMPPTCPConnection session = new XMPPTCPConnection(config);
        session.setReplyTimeout(REPLY_TIMEOUT_MILLIS);
        try {
            session.connect().login();
        } catch (Exception e) {
            session.instantShutdown();
            throw e;
        }
        if (closed) { // closed while logging in: this session must not outlive the publisher
            session.instantShutdown();
            throw new NotConnectedException("the publisher was closed");
        }
        return session;
    }

    /** Sends the request and waits for its reply, but no longer than the session lasts. */
    private static void awaitReply(XMPPTCPConnection session, IQ request) throws Exception {
        StanzaCollector collector = session.createStanzaCollectorAndSend(request);
        try {
            long timeoutAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLY_TIMEOUT_MILLIS);
            while (true) {
                Stanza reply = collector.nextResult(SESSION_CHECK_MILLIS);
                if (reply != null) {
                    XMPPErrorException.ifHasErrorThenThrow(reply);
                    return;
                }
                if (!session.isConnected()) {
                    throw new NotConnectedException(session, "the session closed before the server replied");
                }
                if (System.nanoTime() - timeoutAt > 0) {
                    throw NoResponseException.newWith(REPLY_TIMEOUT_MILLIS, collector);
                }
            }
        } finally {
            collector.cancel();
        }
    }

    @Override
    public void close() {
        closed = true;
        // Vysper never sends the closing stream element that disconnect() would wait 5 s for
        connection.instantShutdown();
    }

    @FunctionalInterface
    private interface SessionStep {
        void run(XMPPTCPConnection session) throws Exception;
    }
}
