package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Finesse node's notification service as the simulator publishes to it: an XMPP server with XEP-0060
 * publish-subscribe at pubsub.&lt;domain&gt;, holding the Finesse nodes and the users' automatic subscriptions. Each
 * side has its own, as each Finesse node has its own Openfire. The outage methods work only on a server the
 * simulator runs itself; one it does not run answers them with {@link IllegalStateException}.
 */
public interface NotificationService extends AutoCloseable {

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

    /** Whether the service is down (as far as the simulator knows: only a server it runs can be known down). */
    boolean isDown();

    /** Sessions cut and connections refused until {@link #comeBack()}. */
    void goDown();

    /** Listens again after {@link #goDown()}; the subscriptions clients made are lost, as after a restart. */
    void comeBack() throws IOException;

    /** Down now, back after {@code outage}; the future completes when it listens again. */
    CompletableFuture<Void> interrupt(Duration outage);

    /** Ends the publisher's session and, when the simulator runs the server, the server. */
    @Override
    void close();
}
