package dev.finessesignout.simulator.xmpp;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import org.apache.vysper.storage.inmemory.MemoryStorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.PubSubServiceConfiguration;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.PublishSubscribeModule;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.CollectionNode;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.LeafNode;
import org.apache.vysper.xmpp.server.XMPPServer;

/**
 * The simulator's notification service: Apache Vysper 0.7 with XEP-0060 publish-subscribe at pubsub.&lt;domain&gt;, on
 * one address (loopback by default), TLS required (Vysper offers SASL only after STARTTLS). Accounts live in memory.
 */
public final class EmbeddedXmppServer {
    private final String domain;
    private final String host;
    private final int port;
    private final byte[] keyStore;
    private final String keyStorePassword;
    private XMPPServer server;
    private LoopbackEndpoint endpoint;
    private final CollectionNode pubsubNodes = new CollectionNode();

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
     * own nodes. Returns false when the node does not exist.
     */
    public boolean subscribe(String nodeId, String user) {
        LeafNode node = pubsubNodes.find(nodeId);
        if (node == null) {
            return false;
        }
        Entity subscriber = EntityImpl.parseUnchecked(user + "@" + domain);
        if (!node.isSubscribed(subscriber)) {
            node.subscribe(UUID.randomUUID().toString(), subscriber);
        }
        return true;
    }

    public int port() {
        return endpoint.boundPort();
    }

    public String domain() {
        return domain;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
