package dev.finessesignout.confirm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Looks after the listener's XMPP session, which the camel-xmpp consumer creates and reconnects. There is one listener
 * route per Finesse side; this starts the one of the side in use (finesseSides) and, when the bundle moves to the
 * other side, stops it (unsubscribing, if the old node still answers) and starts the other. It logs the session in
 * as soon as it connects (camel-xmpp's reconnection does not log in), unless Finesse already refused the service
 * account's credentials (a refused login stops REST calls too: both count towards Finesse's lock-out); after every
 * login it subscribes (with the session's full JID) to the Team nodes of the teams the account supervises; it pings
 * the server every few seconds (Finesse expects about 20) and drops a session whose ping fails; and it unsubscribes
 * when the listener stops, so that no subscription stays behind on Finesse.
 */
public class NotificationSession extends EventNotifierSupport implements ConnectionCreationListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSession.class);
    private static final long RESUBSCRIBE_SECONDS = 15;

    /** Each side's connection settings: how the listener's own connections are told from others, and their side. */
    private final Map<ConnectionConfiguration, String> sides;
    private final ListenerRoutes routes;
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
    /** The side whose listener route runs (null before start), and since when it has not been listening (0: it is). */
    private volatile String listeningSide;
    private volatile long notListeningSince;
    private volatile Supplier<String> startSide;

    /** Starts and stops the listener route of a side. */
    public interface ListenerRoutes {
        void start(String side) throws Exception;

        void stop(String side) throws Exception;
    }

    public NotificationSession(Map<ConnectionConfiguration, String> sides, ListenerRoutes routes, String pubsubService,
            int pingSeconds, CredentialsGuard guard, String username) {
        this.guard = guard;
        this.username = username;
        this.sides = Map.copyOf(sides);
        this.routes = routes;
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

    /**
     * Listens on this side from now on: the other side's listener route stops first (Finesse wants a client on one
     * node at a time), then this side's starts. Runs on the session's own thread, never on a route's.
     */
    public void listenOn(String side) {
        executor.execute(() -> {
            if (closing || side.equals(listeningSide)) {
                return;
            }
            String previous = listeningSide;
            XMPPConnection leaving = current;
            notListeningSince = System.nanoTime();
            listeningSide = side;
            current = null; // not listening until this side's session is in and subscribed
            subscribed = false;
            try {
                if (previous != null) {
                    leave(leaving);
                    routes.stop(previous);
                }
                notListeningSince = System.nanoTime();
                routes.start(side);
            } catch (Exception e) {
                LOG.error("Could not move the notification listener to side {}: {}", side, e.toString());
            }
        });
    }

    /** Only the listener's own connections (made from its side's configuration) are looked after. */
    @Override
    public void connectionCreated(XMPPConnection connection) {
        if (!(connection instanceof AbstractXMPPConnection own) || !sides.containsKey(own.getConfiguration())) {
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
                if (!ofListeningSide(c)) {
                    return;
                }
                current = c;
                logIn(c); // called inside connect(), before camel-xmpp would log in (or not, after a reconnect)
            }

            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!ofListeningSide(c)) {
                    return;
                }
                current = c;
                executor.execute(() -> subscribe(c));
            }

            @Override
            public void connectionClosed() {
                if (!ofListeningSide(own)) {
                    return;
                }
                watched.clear();
                subscribed = false;
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (!ofListeningSide(own)) {
                    return;
                }
                watched.clear();
                subscribed = false;
                notListeningSince = System.nanoTime();
                LOG.warn("Lost the XMPP notification service of side {} ({}); reconnecting. Requests accepted "
                        + "meanwhile are confirmed by their notifications once it is back, or else by GET User",
                        sides.get(own.getConfiguration()), e.toString());
            }
        });
    }

    private boolean ofListeningSide(XMPPConnection c) {
        return c instanceof AbstractXMPPConnection own
                && sides.get(own.getConfiguration()).equals(listeningSide);
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
            notListeningSince = 0;
            if (teams.isEmpty()) {
                LOG.warn("Logged in as {}, but there is no team to watch (check confirm.listener.teams and the teams "
                        + "the service account supervises): every sign-out is confirmed by GET User", jid);
            } else {
                LOG.info("Listening for Finesse notifications of side {} as {} on the nodes of teams {}",
                        sides.get(((AbstractXMPPConnection) c).getConfiguration()), jid, teams);
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
        leave(current);
    }

    /** Unsubscribes while the node still answers, and closes the session at once (see close()). */
    private void leave(XMPPConnection c) {
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

    /** Once the bundle has started, the listener of this side starts (none when this is never called). */
    public void startOn(Supplier<String> side) {
        this.startSide = side;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent
                || event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextStartedEvent) {
            if (startSide != null) {
                listenOn(startSide.get());
            }
        } else {
            close();
        }
    }

    /** The session is logged in and subscribed (to every team it watches, possibly none). */
    public boolean isListening() {
        XMPPConnection c = current;
        return c != null && c.isAuthenticated() && subscribed;
    }

    /** The side whose listener runs, or null when none does (confirm.listener.enabled=false). */
    public String listeningSide() {
        return listeningSide;
    }

    /** How long the listener has been trying to log in and subscribe on its side; empty while it listens. */
    public Optional<Duration> notListeningFor() {
        long since = notListeningSince;
        return since == 0 || listeningSide == null ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime()
                - since));
    }

    public boolean watches(String teamId) {
        return watched.contains(teamId);
    }

    private static String teamNode(String teamId) {
        return "/finesse/api/Team/" + teamId + "/Users";
    }
}
