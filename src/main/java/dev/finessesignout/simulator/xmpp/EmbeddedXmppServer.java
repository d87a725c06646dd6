package dev.finessesignout.simulator.xmpp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.vysper.storage.inmemory.MemoryStorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.PubSubServiceConfiguration;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.PublishSubscribeModule;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.CollectionNode;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.LeafNode;
import org.apache.vysper.xmpp.server.XMPPServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's notification service: Apache Vysper 0.7 with XEP-0060 publish-subscribe at pubsub.&lt;domain&gt;, on
 * one address (loopback by default), TLS required (Vysper offers SASL only after STARTTLS). Accounts live in memory.
 * It can have an outage ({@link #goDown()}, {@link #comeBack()}, {@link #interrupt(Duration)}) that looks to clients
 * like a restart; Vysper itself keeps running, as stopping and starting it in one JVM proved unreliable.
 */
public final class EmbeddedXmppServer implements Outages {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedXmppServer.class);
    private final String domain;
    private final String host;
    private final int port;
    private final byte[] keyStore;
    private final String keyStorePassword;
    private XMPPServer server;
    private LoopbackEndpoint endpoint;
    private final CollectionNode pubsubNodes = new CollectionNode();
    private final AutomaticSubscriptions automaticSubscriptions = new AutomaticSubscriptions();
    private boolean down;

    public EmbeddedXmppServer(String domain, String host, int port, byte[] keyStore, String keyStorePassword) {
        this.domain = domain;
        this.host = host;
        this.port = port;
        this.keyStore = keyStore.clone();
        this.keyStorePassword = keyStorePassword;
    }

    /** Starts with these accounts (login id to password). */
    public void start(Map<String, String> accounts) throws Exception {
        server = new XMPPServer(domain);
        MemoryStorageProviderRegistry registry = new MemoryStorageProviderRegistry();
        AccountManagement accountManagement = (AccountManagement) registry.retrieve(AccountManagement.class);
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            accountManagement.addUser(EntityImpl.parseUnchecked(account.getKey() + "@" + domain), account.getValue());
        }
        server.setStorageProviderRegistry(registry);
        endpoint = new LoopbackEndpoint(host, port);
        server.addEndpoint(endpoint);
        server.setTLSCertificateInfo(new ByteArrayInputStream(keyStore), keyStorePassword);
        server.start();
        server.addModule(new PublishSubscribeModule(new PubSubServiceConfiguration(pubsubNodes)));
    }

    /**
     * Subscribes a user's bare JID to an existing node on the server side, as Finesse subscribes every user to its
     * own nodes. Such subscriptions outlast an outage. Returns false when the node does not exist.
     */
    public boolean subscribe(String nodeId, String user) {
        LeafNode node = pubsubNodes.find(nodeId);
        if (node == null) {
            return false;
        }
        automaticSubscriptions.subscribe(node, EntityImpl.parseUnchecked(user + "@" + domain));
        return true;
    }

    /**
     * The start of an outage, as if the server went down: every client session is cut and new connections are
     * refused. Fails when already down.
     */
    @Override
    public synchronized void goDown() {
        if (down) {
            throw new IllegalStateException("the XMPP service is already down");
        }
        down = true;
        int sessions = endpoint.disconnectAll();
        LOG.info("XMPP service down: {} sessions cut, port {} refusing connections", sessions, port());
    }

    /**
     * The end of an outage: the subscriptions clients made themselves are lost, as in a restarted server with
     * in-memory storage (those made by {@link #subscribe} stay, as a restarted Finesse makes them again; nodes and
     * accounts stay too), and it listens again on the same port. Does nothing when not down or stopped.
     */
    @Override
    public synchronized void comeBack() throws IOException {
        if (!down || server == null) {
            return;
        }
        // dropped now, not when going down: Vysper handles stanzas on worker threads, so a subscription a cut session
        // asked for last may still have been in the making then; with no session since, nothing can be now
        int dropped = automaticSubscriptions.dropClientSubscriptions(pubsubNodes);
        endpoint.listenAgain();
        down = false;
        LOG.info("XMPP service back on port {}, {} client subscriptions dropped", port(), dropped);
    }

    /**
     * Goes down now and comes back after {@code outage} on a background thread. Returns at once, with a future that
     * completes when the service listens again (or fails when it could not bind its port again).
     */
    @Override
    public CompletableFuture<Void> interrupt(Duration outage) {
        goDown();
        Executor afterOutage = CompletableFuture.delayedExecutor(outage.toMillis(), TimeUnit.MILLISECONDS,
                EmbeddedXmppServer::endOutage);
        return CompletableFuture.runAsync(this::comeBackUnchecked, afterOutage);
    }

    /** A thread of its own, named for the logs, that does not keep the JVM alive. */
    private static void endOutage(Runnable comeBack) {
        Thread thread = new Thread(comeBack, "xmpp-outage-end");
        thread.setDaemon(true);
        thread.start();
    }

    private void comeBackUnchecked() {
        try {
            comeBack();
        } catch (IOException e) {
            LOG.warn("The XMPP service could not listen again on port {}: {}", port(), e.toString());
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean isDown() {
        return down;
    }

    /** The JIDs subscribed to a node, as the server holds them (empty for an unknown node). */
    public java.util.List<String> subscribers(String nodeId) {
        LeafNode node = pubsubNodes.find(nodeId);
        java.util.List<String> jids = new java.util.ArrayList<>();
        if (node != null) {
            node.acceptSubscribers((nodeName, subscriptionId, subscriber) -> jids.add(subscriber.getFullQualifiedName()));
        }
        return jids;
    }

    public int port() {
        return endpoint.boundPort();
    }

    public String domain() {
        return domain;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
