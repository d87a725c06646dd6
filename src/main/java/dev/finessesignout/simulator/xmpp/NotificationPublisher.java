package dev.finessesignout.simulator.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.sasl.SASLErrorException;
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
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes notifications to pubsub nodes as Finesse does, through an ordinary XMPP client session. Each publish waits
 * for the server's reply: a burst of unanswered publishes is where an embedded server was seen to drop items. (The
 * reply says the item was accepted, not delivered: delivery to subscribers follows on the server's own threads.)
 * <p>
 * It logs in at the first call. When the session is lost (the server went down), a call logs in again with a new
 * session, retrying until the server is back or {@link #RECONNECT_PATIENCE_MILLIS} have passed, and then publishes:
 * callers that publish one item after another lose nothing to a short outage. An item whose reply was lost with the
 * session is published again under the same item id: a subscriber may receive it twice, but does not miss it. Each new
 * session is first handed to the {@link SessionStart} given, which can make again what a restarted server lost.
 */
public final class NotificationPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationPublisher.class);
    /** A first TLS handshake on a busy machine can take seconds; Smack's default is 5 s. */
    private static final long REPLY_TIMEOUT_MILLIS = 30_000;
    /** How long one call keeps logging in again before it gives up. */
    private static final long RECONNECT_PATIENCE_MILLIS = 60_000;
    private static final long RECONNECT_PAUSE_MILLIS = 250;
    /** How often a wait for a reply looks whether the session is still there (Smack's own wait would not notice). */
    private static final long SESSION_CHECK_MILLIS = 100;
    private final String name;
    private final XMPPTCPConnectionConfiguration config;
    private final BareJid pubsubService;
    private final SessionStart sessionStart;
    /** Nodes known to exist; they outlast a lost session, as the server keeps them (a SessionStart may forget them). */
    private final Set<String> nodes = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    /** Null until the first login. */
    private volatile XMPPTCPConnection connection;
    private volatile boolean closed;

    /**
     * @param name         says whose publisher it is in the log (e.g. "side A")
     * @param config       the server, account and TLS settings
     * @param sessionStart runs in each new session before anything else
     */
    public NotificationPublisher(String name, XMPPTCPConnectionConfiguration config, SessionStart sessionStart)
            throws XmppStringprepException {
        this.name = name;
        this.config = config;
        this.sessionStart = sessionStart;
        pubsubService = JidCreate.bareFrom("pubsub." + config.getXMPPServiceDomain());
    }

    /** Logs in now, waiting for the server as a publish would; otherwise the first call logs in. */
    public synchronized void connect() throws Exception {
        inSession(session -> { });
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

    /** Asks the pubsub service something in the publisher's session (logging in again as a publish would). */
    public synchronized <T> T ask(Question<T> question) throws Exception {
        List<T> answer = new ArrayList<>(1);
        inSession(session -> {
            answer.clear();
            answer.add(question.ask(PubSubManager.getInstance(session, pubsubService)));
        });
        return answer.get(0);
    }

    /** How many items the server has accepted so far. */
    public long published() {
        return published.get();
    }

    /** Whether the publisher is logged in now (false before the first call and while the server is away). */
    public boolean hasSession() {
        XMPPTCPConnection session = connection;
        return session != null && session.isAuthenticated();
    }

    /** Forgets which nodes exist: a server that lost them (restarted with in-memory storage) makes them again. */
    public void forgetNodes() {
        nodes.clear();
    }

    private void ensureNode(XMPPTCPConnection session, String nodeId) throws Exception {
        if (!nodes.contains(nodeId)) {
            PubSubManager.getInstance(session, pubsubService).getOrCreateLeafNode(nodeId);
            nodes.add(nodeId);
        }
    }

    /** Runs the step in the current session; without one (or when it is lost), logs in and runs the step again. */
    private void inSession(SessionStep step) throws Exception {
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_PATIENCE_MILLIS);
        while (true) {
            if (closed) {
                throw new NotConnectedException("the publisher was closed");
            }
            XMPPTCPConnection session = connection;
            Exception lost = null;
            if (session != null && session.isAuthenticated()) {
                try {
                    step.run(session);
                    return;
                } catch (Exception e) {
                    if (!isSessionGone(e, session)) {
                        throw e; // an error, or no reply from a server that is still there
                    }
                    lost = e;
                }
            } else if (session != null) {
                lost = new NotConnectedException(session, "the session was closed");
            }
            connection = loginAgain(lost, giveUpAt);
        }
    }

    /** Smack notices a closed socket on its own thread: NotConnected may come while isConnected() still says yes. */
    private static boolean isSessionGone(Exception e, XMPPTCPConnection session) {
        return e instanceof NotConnectedException || !session.isConnected();
    }

    /**
     * A new session with the same configuration, once the server accepts it again and the session start has run in
     * it. A refused password is not tried again. {@code lost} is null for the first login.
     */
    private XMPPTCPConnection loginAgain(Exception lost, long giveUpAt) throws Exception {
        XMPPTCPConnection old = connection;
        if (old != null) {
            old.instantShutdown();
            LOG.info("Notification session of {} lost ({}): logging in again", name, lost);
        }
        for (int attempt = 1; ; attempt++) {
            XMPPTCPConnection session = null;
            try {
                session = login();
                sessionStart.started(session, pubsubService);
                if (old != null) {
                    LOG.info("Notification session of {} back after {} attempt(s)", name, attempt);
                }
                return session;
            } catch (SASLErrorException refused) {
                if (session != null) {
                    session.instantShutdown();
                }
                throw refused;
            } catch (Exception failed) {
                if (session != null) {
                    session.instantShutdown();
                    if (!isSessionGone(failed, session)) {
                        throw failed; // the session start failed with the server there: trying again would not help
                    }
                }
                if (closed || System.nanoTime() - giveUpAt > 0) {
                    if (lost != null) {
                        failed.addSuppressed(lost);
                    }
                    throw failed;
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
        XMPPTCPConnection session = connection;
        if (session != null) {
            // Vysper never sends the closing stream element that disconnect() would wait 5 s for
            session.instantShutdown();
        }
    }

    /** What a new session does first, before the call that logged it in. */
    @FunctionalInterface
    public interface SessionStart {
        SessionStart NOTHING = (session, pubsubService) -> { };

        void started(XMPPTCPConnection session, BareJid pubsubService) throws Exception;
    }

    /** A question to the pubsub service, e.g. a node's subscriptions. */
    @FunctionalInterface
    public interface Question<T> {
        T ask(PubSubManager pubsub) throws Exception;
    }

    @FunctionalInterface
    private interface SessionStep {
        void run(XMPPTCPConnection session) throws Exception;
    }
}
