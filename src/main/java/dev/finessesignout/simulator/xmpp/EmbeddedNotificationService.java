package dev.finessesignout.simulator.xmpp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
            // Vysper's TLS runs on MINA 2.0 (2011), which predates TLS 1.3; 1.2 is what Finesse requires at least
            publisher = new NotificationPublisher("the embedded XMPP server on port " + server.port(),
                    XmppClientSettings.startTls(domain, host, server.port(), clientTls)
                            .setUsernameAndPassword(PUBLISHER, publisherPassword)
                            .setResource("simulator")
                            .setEnabledSSLProtocols(new String[] {"TLSv1.2"})
                            .build(), NotificationPublisher.SessionStart.NOTHING);
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

    /** Logged in since its start. */
    @Override
    public void connect() {
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
    public Optional<Outages> outages() {
        return Optional.of(server);
    }

    @Override
    public void close() {
        publisher.close();
        server.stop();
    }
}
