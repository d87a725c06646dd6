package dev.finessesignout.simulator.xmpp;

import java.util.List;
import java.util.Optional;

/**
 * One Finesse node's notification service as the simulator publishes to it: an XMPP server with XEP-0060
 * publish-subscribe at pubsub.&lt;domain&gt;, holding the Finesse nodes and the users' automatic subscriptions. Each
 * side has its own, as each Finesse node has its own Openfire: a server the simulator runs itself
 * ({@link EmbeddedNotificationService}) or one it only publishes to ({@link ExternalNotificationService}).
 */
public interface NotificationService extends AutoCloseable {

    /** Logs the publisher in now if it is not, making what the server lacks; waits for the server like a publish. */
    void connect() throws Exception;

    /** Publishes one item (a {@code <notification>} payload) to the node; waits for the server to accept it. */
    void publish(String nodeId, String notificationXml) throws Exception;

    /** Who is subscribed to the node now, as the server holds it (full or bare JIDs). */
    List<String> subscribers(String nodeId) throws Exception;

    /** How many items the server has accepted from the simulator. */
    long published();

    /** Where clients connect, for the banner and the admin API: host, port, TLS mode. */
    String address();

    /** The client port. */
    int port();

    /**
     * Whether clients cannot use the service now, as far as the simulator knows: its own server is down, or the
     * publisher has no session with a server it does not run.
     */
    boolean isDown();

    /** Outages on demand: only a server the simulator runs can have them. */
    Optional<Outages> outages();

    /** Ends the publisher's session and, when the simulator runs the server, the server. */
    @Override
    void close();
}
