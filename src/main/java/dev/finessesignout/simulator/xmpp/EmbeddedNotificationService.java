package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;

/**
 * A notification service the simulator runs itself: an {@link EmbeddedXmppServer} of its own (every simulated user an
 * account, the Finesse nodes created, the automatic subscriptions made) and the simulator's publisher session with it.
 */
public final class EmbeddedNotificationService implements NotificationService {
    /** The account the simulator publishes with; its password is made at each start. */
    static final String PUBLISHER = "finesse-notifications";
    private final EmbeddedXmppServer server;
    private final NotificationPublisher publisher;
    private final String host;

    private EmbeddedNotificationService(EmbeddedXmppServer server, NotificationPublisher publisher, String host) {
        this.server = server;
        this.publisher = publisher;
        this.host = host;
    }

    /**
     * Starts the server on {@code host:port} (0 = any free port) with these accounts (login id to password), logs the
     * publisher in, creates the nodes and subscribes the users to their own.
     *
     * @param keyStore   the server's key and certificate (PKCS12 bytes)
     * @param clientTls  how the publisher trusts that certificate
     */
    public static EmbeddedNotificationService start(String domain, String host, int port, byte[] keyStore,
            String keyStorePassword, SSLContext clientTls, Map<String, String> accounts, FinesseNodes nodes)
            throws Exception {
        Map<String, String> withPublisher = new HashMap<>(accounts);
        String publisherPassword = UUID.randomUUID().toString();
        withPublisher.put(PUBLISHER, publisherPassword);
        EmbeddedXmppServer server = new EmbeddedXmppServer(domain, host, port, keyStore, keyStorePassword);
        server.start(withPublisher);
        NotificationPublisher publisher = null;
        try {
            publisher = new NotificationPublisher(domain, host, server.port(), PUBLISHER, publisherPassword, clientTls);
            for (String node : nodes.nodes()) {
                publisher.createNode(node);
            }
            for (FinesseNodes.Subscription subscription : nodes.automaticSubscriptions()) {
                server.subscribe(subscription.nodeId(), subscription.userId());
            }
            return new EmbeddedNotificationService(server, publisher, host);
        } catch (Exception e) {
            if (publisher != null) {
                publisher.close();
            }
            server.stop();
            throw e;
        }
    }

    @Override
    public void publish(String nodeId, String notificationXml) throws Exception {
        publisher.publish(nodeId, notificationXml);
    }

    @Override
    public List<String> subscribers(String nodeId) {
        return server.subscribers(nodeId);
    }

    @Override
    public long published() {
        return publisher.published();
    }

    @Override
    public String address() {
        return host + ":" + server.port() + " (STARTTLS)";
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public boolean isDown() {
        return server.isDown();
    }

    @Override
    public void goDown() {
        server.goDown();
    }

    @Override
    public void comeBack() throws IOException {
        server.comeBack();
    }

    @Override
    public CompletableFuture<Void> interrupt(Duration outage) {
        return server.interrupt(outage);
    }

    @Override
    public void close() {
        publisher.close();
        server.stop();
    }
}
