package dev.finessesignout.simulator.xmpp;

import java.util.List;
import java.util.Optional;

import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.Subscription;
import org.jxmpp.jid.BareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification service on an XMPP server the simulator does not run (Prosody, in the integration tests): the
 * simulator only publishes to it, with an account the server makes an admin (only admins may create nodes on
 * Prosody; to its mod_pubsub an admin is every node's owner). The server must already have the users' accounts.
 * <p>
 * Each publisher session begins by making the Finesse nodes and subscribing each user to its own nodes and SystemInfo
 * (an owner may subscribe others, XEP-0060 "subscribe_other"): a server restarted with in-memory pubsub storage lost
 * them, as a restarted Finesse makes them again. It cannot be taken down from here: stop the server's process.
 */
public final class ExternalNotificationService implements NotificationService {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalNotificationService.class);
    private final String domain;
    private final String host;
    private final int port;
    private final XmppTlsMode tls;
    private final FinesseNodes nodes;
    private final NotificationPublisher publisher;

    /**
     * Does not connect yet (see {@link #connect()}).
     *
     * @param side     A or B, for the log
     * @param trust    the chains the server's certificate is checked against (its name is checked too)
     */
    public ExternalNotificationService(String side, String domain, String host, int port, XmppTlsMode tls,
            X509TrustManager trust, String publisherAccount, String publisherPassword, FinesseNodes nodes)
            throws Exception {
        this.domain = domain;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.nodes = nodes;
        publisher = new NotificationPublisher("side " + side + " at " + address(),
                XmppClientSettings.of(tls, domain, host, port, trust)
                        .setUsernameAndPassword(publisherAccount, publisherPassword)
                        .setResource("finesse-simulator")
                        .build(), this::makeNodesAndSubscriptions);
    }

    /** Logs in, making the nodes and subscriptions; waits for the server as a publish would. */
    @Override
    public void connect() throws Exception {
        publisher.connect();
    }

    /** The start of every publisher session: the nodes, then the users' own subscriptions, made if missing. */
    private void makeNodesAndSubscriptions(XMPPTCPConnection session, BareJid pubsubService) throws Exception {
        publisher.forgetNodes(); // the server may be a new one, without them
        PubSubManager pubsub = PubSubManager.getInstance(session, pubsubService);
        for (String node : nodes.nodes()) {
            pubsub.getOrCreateLeafNode(node);
        }
        for (FinesseNodes.Subscription subscription : nodes.automaticSubscriptions()) {
            pubsub.getLeafNode(subscription.nodeId()).subscribe(subscription.userId() + "@" + domain);
        }
        LOG.info("{}: {} pubsub nodes and {} automatic subscriptions in place", address(), nodes.nodes().size(),
                nodes.automaticSubscriptions().size());
    }

    @Override
    public void publish(String nodeId, String notificationXml) throws Exception {
        publisher.publish(nodeId, notificationXml);
    }

    /** As the node's owner asks them (XEP-0060 8.8.1, which Prosody grants its admins). */
    @Override
    public List<String> subscribers(String nodeId) throws Exception {
        return publisher.ask(pubsub -> {
            LeafNode node = pubsub.getLeafNode(nodeId);
            return node.getSubscriptionsAsOwner().stream().map(Subscription::getJid).map(Object::toString).toList();
        });
    }

    @Override
    public long published() {
        return publisher.published();
    }

    @Override
    public String address() {
        return host + ":" + port + " (" + (tls == XmppTlsMode.DIRECT ? "direct TLS" : "STARTTLS") + ", external)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isDown() {
        return !publisher.hasSession();
    }

    @Override
    public Optional<Outages> outages() {
        return Optional.empty();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
