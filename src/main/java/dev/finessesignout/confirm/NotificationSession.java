package dev.finessesignout.confirm;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.finessesignout.signout.CredentialsGuard;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionCreationListener;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPConnectionRegistry;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.pubsub.Node;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks after the listener's XMPP session, which the camel-xmpp consumer creates and reconnects. It logs the session in
 * as soon as it connects (camel-xmpp's reconnection does not log in), unless Finesse already refused the service
 * account's credentials (a refused login stops REST calls too: both count towards Finesse's lock-out); after every
 * login it subscribes (with the session's full JID) to the Team nodes of the teams the account supervises; it pings
 * the server every few seconds (Finesse expects about 20) and drops a session whose ping fails; and it unsubscribes
 * when the listener stops, so that no subscription stays behind on Finesse.
 */
public class NotificationSession extends EventNotifierSupport implements ConnectionCreationListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSession.class);
    private static final long RESUBSCRIBE_SECONDS = 15;

    private final ConnectionConfiguration config;
    private final String pubsubService;
    private final int pingSeconds;
    private final CredentialsGuard guard;
    private final String username;
    private volatile Supplier<List<String>> supervisedTeams;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile XMPPConnection current;
    /** Set once the listener stops: no login or subscription any more on its way out. */
    private volatile boolean closing;
    private ScheduledExecutorService executor;
    /** The session subscribed (to every watched team, possibly none) since it last logged in. */
    private volatile boolean subscribed;
    private ScheduledFuture<?> retry;

    public NotificationSession(ConnectionConfiguration config, String pubsubService, int pingSeconds,
            CredentialsGuard guard, String username) {
        this.guard = guard;
        this.username = username;
        this.config = config;
        this.pubsubService = pubsubService;
        this.pingSeconds = pingSeconds;
    }

    /** Where the team ids come from (GET User of the service account); set before the listener starts. */
    public void supervisedTeams(Supplier<List<String>> source) {
        this.supervisedTeams = source;
    }

    @Override
    protected void doStart() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "finesse-notification-session");
            thread.setDaemon(true);
            return thread;
        });
        RawPubsubEvent.register();
        XMPPConnectionRegistry.addConnectionCreationListener(this);
        // Smack's PingManager pings only an idle session; Finesse wants a ping at a steady pace
        executor.scheduleAtFixedRate(this::ping, pingSeconds, pingSeconds, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        XMPPConnectionRegistry.removeConnectionCreationListener(this);
        executor.shutdownNow();
    }

    /** Only the listener's own connections (made from its configuration) are looked after. */
    @Override
    public void connectionCreated(XMPPConnection connection) {
        if (!(connection instanceof AbstractXMPPConnection own) || own.getConfiguration() != config) {
            return;
        }
        closing = false;
        // camel-xmpp reconnects; Smack's own reconnection would race it
        ReconnectionManager.getInstanceFor((AbstractXMPPConnection) connection).disableAutomaticReconnection();
        PingManager.getInstanceFor(connection).setPingInterval(0);
        // camel-xmpp stops by disconnecting, which first sends unavailable presence: the last moment to unsubscribe
        ((AbstractXMPPConnection) connection).addStanzaInterceptor(leaving -> unsubscribe(connection),
                new AndFilter(StanzaTypeFilter.PRESENCE, PresenceTypeFilter.UNAVAILABLE));
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connected(XMPPConnection c) {
                current = c;
                logIn(c); // called inside connect(), before camel-xmpp would log in (or not, after a reconnect)
            }

            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                current = c;
                executor.execute(() -> subscribe(c));
            }

            @Override
            public void connectionClosed() {
                watched.clear();
                subscribed = false;
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                watched.clear();
                subscribed = false;
                LOG.warn("Lost the XMPP notification service ({}); reconnecting. Requests accepted meanwhile are "
                        + "confirmed by their notifications once it is back, or else by GET User", e.toString());
            }
        });
    }

    private void logIn(XMPPConnection c) {
        if (closing || c.isAuthenticated()) {
            return;
        }
        if (guard.isRefused(username)) {
            LOG.warn("Not logging in to the XMPP notification service: Finesse refused the service account's "
                    + "credentials; correct finesse.username / finesse.password and restart");
            ((XMPPTCPConnection) c).instantShutdown();
            return;
        }
        try {
            ((AbstractXMPPConnection) c).login();
        } catch (SASLErrorException refused) {
            guard.refusedLogin(username, "the XMPP notification service (" + refused.getSASLFailure()
                    .getSASLErrorString() + ")");
            ((XMPPTCPConnection) c).instantShutdown();
        } catch (Exception e) {
            LOG.warn("Could not log in to the XMPP notification service ({}); trying again", e.toString());
            ((XMPPTCPConnection) c).instantShutdown();
        }
    }

    private void ping() {
        XMPPConnection c = current;
        if (closing || c == null || !c.isAuthenticated()) {
            return;
        }
        try {
            if (!PingManager.getInstanceFor(c).pingMyServer(false)) {
                LOG.warn("The XMPP notification service did not answer a ping: dropping the session to reconnect");
                ((XMPPTCPConnection) c).instantShutdown();
            }
        } catch (Exception e) {
            LOG.debug("Ping not sent: {}", e.toString());
        }
    }

    /** Subscribes to each supervised team's node, unless this session's JID already is; retried while it fails. */
    private void subscribe(XMPPConnection c) {
        if (closing || !c.isAuthenticated()) {
            return;
        }
        try {
            List<String> teams = supervisedTeams.get();
            PubSubManager pubsub = PubSubManager.getInstance(c, JidCreate.bareFrom(pubsubService));
            String jid = c.getUser().toString();
            for (String team : teams) {
                Node node = pubsub.getNode(teamNode(team));
                if (!subscribed(node, jid)) {
                    node.subscribe(jid);
                }
                watched.add(team);
            }
            subscribed = true;
            if (teams.isEmpty()) {
                LOG.warn("Logged in as {}, but there is no team to watch (check confirm.listener.teams and the teams "
                        + "the service account supervises): every sign-out is confirmed by GET User", jid);
            } else {
                LOG.info("Listening for Finesse notifications as {} on the nodes of teams {}", jid, teams);
            }
        } catch (Exception e) {
            LOG.warn("Could not subscribe to the supervised teams' notifications ({}); trying again in {} s",
                    e.toString(), RESUBSCRIBE_SECONDS);
            synchronized (this) {
                if (retry != null) {
                    retry.cancel(false);
                }
                retry = executor.schedule(() -> subscribe(c), RESUBSCRIBE_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean subscribed(Node node, String jid) {
        try {
            return node.getSubscriptions().stream().anyMatch(s -> jid.equals(s.getJid()));
        } catch (Exception notSupported) {
            return false;
        }
    }

    /**
     * When the bundle stops, before its routes do: leave no subscription behind (Finesse keeps it otherwise), then
     * close the socket at once (an embedded Vysper never answers the closing stream element that an orderly
     * disconnect waits 5 s for). A stop of the listener route alone unsubscribes as it disconnects.
     */
    public void close() {
        closing = true;
        XMPPConnection c = current;
        if (c == null || !c.isAuthenticated()) {
            return;
        }
        unsubscribe(c);
        ((XMPPTCPConnection) c).instantShutdown();
    }

    private void unsubscribe(XMPPConnection c) {
        if (watched.isEmpty() || !c.isAuthenticated()) {
            return;
        }
        try {
            PubSubManager pubsub = PubSubManager.getInstance(c, JidCreate.bareFrom(pubsubService));
            String jid = c.getUser().toString();
            for (String team : List.copyOf(watched)) {
                pubsub.getNode(teamNode(team)).unsubscribe(jid);
                watched.remove(team);
            }
            LOG.info("Unsubscribed {} from the supervised teams' notifications", jid);
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe from every team node: {}", e.toString());
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        close();
    }

    /** The session is logged in and subscribed (to every team it watches, possibly none). */
    public boolean isListening() {
        XMPPConnection c = current;
        return c != null && c.isAuthenticated() && subscribed;
    }

    public boolean watches(String teamId) {
        return watched.contains(teamId);
    }

    private static String teamNode(String teamId) {
        return "/finesse/api/Team/" + teamId + "/Users";
    }
}
