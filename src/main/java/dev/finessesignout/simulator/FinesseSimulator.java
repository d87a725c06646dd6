package dev.finessesignout.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Team;
import dev.finessesignout.simulator.xmpp.EmbeddedXmppServer;
import dev.finessesignout.simulator.xmpp.NotificationPublisher;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Finesse deployment on this machine: two nodes (side A and side B) sharing one directory of users, on loopback by
 * default, each with an HTTP port (as up to 11.6) and an HTTPS port with a self-signed certificate, plus an admin port
 * that switches faults on and off. Runs inside the bundle (the sandbox), inside tests, or alone
 * ({@link FinesseSimulatorMain}).
 */
public final class FinesseSimulator extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseSimulator.class);

    /** Where it listens; a port of 0 takes any free port, -1 switches that port off. */
    public record Ports(int sideAHttp, int sideAHttps, int sideBHttp, int sideBHttps, int admin, int xmpp) {
        /** Every REST port on a free port, no XMPP notification service. */
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0, -1);
        }

        public static Ports ephemeralWithXmpp() {
            return new Ports(0, 0, 0, 0, 0, 0);
        }
    }

    /** The account the simulator publishes notifications with; its password is made at each start. */
    static final String PUBLISHER = "finesse-notifications";
    private static final String SYSTEM_INFO_NODE = "/finesse/api/SystemInfo";
    /** How long a node holds its answer back after publishing, in the beforeAnswer style. */
    private static final long EARLY_DELIVERY_MILLIS = 300;

    private final Path setupFile;
    private final String host;
    private final Ports ports;
    private final Path trustStore;
    private final String trustStorePassword;
    private final FinesseXml xml = new FinesseXml();
    private SimulatorSetup initialSetup;
    private FinesseDirectory directory;
    private SimulatedSide sideA;
    private SimulatedSide sideB;
    private HttpServer admin;
    private ExecutorService executor;
    private SelfSignedCertificate certificate;
    private final UpdateWriter updates = new UpdateWriter();
    private volatile NotificationStyle notificationStyle = NotificationStyle.defaults();
    private EmbeddedXmppServer xmpp;
    private NotificationPublisher publisher;
    private ExecutorService notifier;

    public FinesseSimulator(Path setupFile, String host, Ports ports, Path trustStore, String trustStorePassword) {
        this.setupFile = setupFile;
        this.host = host;
        this.ports = ports;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /** Reads the setup and writes the trust store, so that clients can be configured before the ports open. */
    @Override
    protected void doInit() throws Exception {
        initialSetup = SimulatorSetup.read(setupFile);
        notificationStyle = initialSetup.notificationsOrDefault();
        certificate = new SelfSignedCertificate(host, initialSetup.xmppDomainOrDefault());
        certificate.writeTrustStore(trustStore, trustStorePassword);
    }

    @Override
    protected void doStart() throws Exception {
        directory = new FinesseDirectory(initialSetup);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "finesse-simulator");
            thread.setDaemon(true);
            return thread;
        });
        sideA = new SimulatedSide("A", host, ports.sideAHttp(), ports.sideAHttps(), directory, xml, executor,
                certificate.serverContext(), this::awaitNotificationsWhenEarly);
        sideB = new SimulatedSide("B", host, ports.sideBHttp(), ports.sideBHttps(), directory, xml, executor,
                certificate.serverContext(), this::awaitNotificationsWhenEarly);
        sideA.peerHost(host);
        sideB.peerHost(host);
        sideA.start();
        sideB.start();
        applyConfiguredFaults();
        if (ports.xmpp() >= 0) {
            startNotifications();
        }
        if (ports.admin() >= 0) {
            admin = HttpServer.create(new InetSocketAddress(host, ports.admin()), 10);
            admin.createContext("/simulator", new AdminApi(this));
            admin.setExecutor(executor);
            admin.start();
        }
        LOG.warn("""

                ***************************************************************************************
                *  FINESSE SIMULATOR IN USE - no real Finesse is contacted.
                *  side A: {} {}
                *  side B: {} {}
                *  admin:  {}   trust store for its HTTPS ports: {}
                *  XMPP notifications: {}
                *  users from {}
                ***************************************************************************************""",
                sideA.httpUrl(), sideA.httpsUrl(), sideB.httpUrl(), sideB.httpsUrl(), adminUrl(),
                trustStore.toAbsolutePath(), xmpp == null ? "off" : host + ":" + xmpp.port() + " (STARTTLS), domain "
                        + xmpp.domain() + ", pubsub." + xmpp.domain(), setupFile.toAbsolutePath());
    }

    /**
     * Starts the XMPP notification service with every simulated user as an account, and publishes each state change to
     * the user's node and its team's node, after the change (or before the HTTP answer, as a variant). Publications
     * leave in the order of the changes, but Vysper delivers them from a pool of threads: a subscriber may receive two
     * quick changes of one user out of order, as from any server, and must go by stateChangeTime and requestId.
     */
    private void startNotifications() throws Exception {
        startXmpp(ports.xmpp());
        notifier = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "finesse-simulator-notifications");
            thread.setDaemon(true);
            return thread;
        });
        directory.onChange(this::notify);
    }

    /**
     * The XMPP server and the publisher's session. Finesse's nodes exist from the start; every user is subscribed to
     * its own nodes and to SystemInfo, while a supervisor subscribes to its teams' nodes itself.
     */
    private void startXmpp(int port) throws Exception {
        Map<String, String> accounts = new HashMap<>();
        initialSetup.users().forEach(user -> accounts.put(user.id(), user.password()));
        String publisherPassword = UUID.randomUUID().toString();
        accounts.put(PUBLISHER, publisherPassword);
        EmbeddedXmppServer server = new EmbeddedXmppServer(initialSetup.xmppDomainOrDefault(), host, port,
                certificate.keyStoreBytes(), SelfSignedCertificate.KEY_PASSWORD);
        server.start(accounts);
        NotificationPublisher session = new NotificationPublisher(server.domain(), host, server.port(), PUBLISHER,
                publisherPassword, certificate.clientContext());
        for (SimulatorSetup.TeamEntry team : initialSetup.teams()) {
            session.createNode("/finesse/api/Team/" + team.id() + "/Users");
        }
        session.createNode(SYSTEM_INFO_NODE);
        for (SimulatorSetup.UserEntry user : initialSetup.users()) {
            for (String node : List.of("/finesse/api/User/" + user.id(), "/finesse/api/User/" + user.id() + "/Dialogs")) {
                session.createNode(node);
                server.subscribe(node, user.id());
            }
            server.subscribe(SYSTEM_INFO_NODE, user.id());
        }
        xmpp = server;
        publisher = session;
    }

    /**
     * Called with the directory's lock held, so it only queues: the whole-team view is taken now, under the same lock,
     * and nothing here waits for the XMPP server (a notification that must beat the 202 is awaited by the node after
     * the lock is released, see {@link #awaitNotificationsWhenEarly()}).
     */
    private void notify(UserChange change) {
        NotificationStyle style = notificationStyle;
        if (style.drops()) {
            return;
        }
        Team team = style.publishesWholeTeam() && change.teamId() != null ? directory.teamView(change.teamId()) : null;
        try {
            notifier.execute(() -> publish(change, team, style));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.debug("Simulator stopping: notification for user {} not published", change.user().getLoginId());
        }
    }

    /**
     * Before a node answers: with the beforeAnswer style, wait until every queued notification is published, then a
     * moment more, as the server delivers to subscribers on its own threads: the notification arrives before the 202.
     */
    private void awaitNotificationsWhenEarly() {
        ExecutorService queue = notifier;
        if (queue == null || !notificationStyle.publishesBeforeAnswer()) {
            return;
        }
        try {
            queue.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(EARLY_DELIVERY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Notifications were not published before the answer: {}", e.toString());
        }
    }

    private void publish(UserChange change, Team team, NotificationStyle style) {
        String user = change.user().getLoginId();
        String payload = change.failure() == null
                ? updates.userChanged(change.user(), change.teamId(), change.requestId(), style)
                : updates.requestFailed("/finesse/api/User/" + user, change.requestId(), change.failure().getErrorType(),
                        change.failure().getErrorMessage(), style);
        try {
            for (int copy = style.duplicates() ? 2 : 1; copy > 0; copy--) {
                publisher.publish("/finesse/api/User/" + user, payload);
                if (change.teamId() != null) {
                    publisher.publish("/finesse/api/Team/" + change.teamId() + "/Users", payload);
                }
            }
            if (team != null) {
                publisher.publish("/finesse/api/Team/" + change.teamId() + "/Users",
                        updates.teamChanged(team, change.requestId(), style));
            }
        } catch (Exception e) {
            LOG.warn("Could not publish the notification for user {}: {}", user, e.toString());
        }
    }

    /**
     * Unrelated traffic, as on a busy team: {@code changes} state changes of the team's agents other than
     * {@code excluded}, each notified like any other. Returns how many changes were made.
     */
    public int traffic(String teamId, int changes, java.util.Collection<String> excluded) {
        int made = 0;
        while (made < changes && directory.trafficStep(teamId, excluded)) {
            made++;
        }
        return made;
    }

    /** How the notifications are written from now on (the contract's variants). */
    public void notificationStyle(NotificationStyle style) {
        notificationStyle = style;
    }

    /**
     * An outage of the XMPP notification service, as when Finesse's notification server restarts: every XMPP session
     * is cut now and connections are refused for {@code outage}, then the service listens again on the same port.
     * Subscriptions clients made themselves are lost (clients must subscribe again); users' own nodes and SystemInfo
     * stay subscribed. State changes meanwhile are queued and published once the simulator's own session is back
     * (each waits up to a minute for it: a longer outage loses some, with a warning each). Returns at once, with a
     * future that completes when the service is back.
     *
     * @throws IllegalStateException when the service is off or already down
     */
    public CompletableFuture<Void> interruptNotifications(Duration outage) {
        if (xmpp == null) {
            throw new IllegalStateException("the XMPP notification service is off");
        }
        CompletableFuture<Void> back = xmpp.interrupt(outage);
        LOG.warn("XMPP notification service down for {} ms (simulated outage)", outage.toMillis());
        return back;
    }

    /** How many notification items the XMPP server has accepted from the simulator (0 when the service is off). */
    public long notificationsPublished() {
        return publisher == null ? 0 : publisher.published();
    }

    /** The XMPP port, or -1 when the notification service is off. */
    public int xmppPort() {
        return xmpp == null ? -1 : xmpp.port();
    }

    /** Who is subscribed to a pubsub node now (full or bare JIDs): shows whether a client left a subscription behind. */
    public List<String> subscribers(String nodeId) {
        return xmpp == null ? List.of() : xmpp.subscribers(nodeId);
    }

    public String xmppDomain() {
        return initialSetup.xmppDomainOrDefault();
    }

    /** Stops taking calls first, then lets queued notifications go out, then closes the XMPP side. */
    @Override
    protected void doStop() throws InterruptedException {
        if (admin != null) {
            admin.stop(0);
        }
        if (sideA != null) {
            sideA.stop();
            sideB.stop();
        }
        if (notifier != null) {
            notifier.shutdown();
            notifier.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (publisher != null) {
            publisher.close();
        }
        if (xmpp != null) {
            xmpp.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public SimulatedSide side(String name) {
        return "B".equalsIgnoreCase(name) ? sideB : "A".equalsIgnoreCase(name) ? sideA : null;
    }

    public List<SimulatedSide> sides() {
        return List.of(sideA, sideB);
    }

    public FinesseDirectory directory() {
        return directory;
    }

    /** Every user back to its initial state, every fault and count cleared, with the documented variants given. */
    public void reset(SimulatorSetup.AlreadySignedOut already, SimulatorSetup.ReasonCodeRule reasonRule,
            boolean alternateErrorTypes) throws IOException {
        directory.reset(initialSetup.with(already, reasonRule, alternateErrorTypes));
        notificationStyle = initialSetup.notificationsOrDefault();
        for (SimulatedSide side : sides()) {
            side.heal();
        }
        applyConfiguredFaults();
    }

    private void applyConfiguredFaults() throws IOException {
        for (SimulatedSide side : sides()) {
            Faults.Spec spec = initialSetup.faultsOf(side.name());
            if (spec != null) {
                side.apply(spec);
            }
        }
    }

    public void reset(SimulatorSetup.AlreadySignedOut already, SimulatorSetup.ReasonCodeRule reasonRule)
            throws IOException {
        reset(already, reasonRule, initialSetup.alternateErrorTypesOrDefault());
    }

    public void reset() throws IOException {
        reset(initialSetup.alreadySignedOutError(), initialSetup.reasonCodeRequired());
    }

    /** The password a simulated user has in the setup file (read at init), or null for an unknown user. */
    public String passwordOf(String userId) {
        return initialSetup.users().stream().filter(user -> user.id().equals(userId)).findFirst()
                .map(SimulatorSetup.UserEntry::password).orElse(null);
    }

    /** Sign-out PUTs for one user, both sides together. */
    public int signOutCalls(String userId) {
        return sides().stream().mapToInt(side -> side.calls("PUT", "/finesse/api/User/" + userId)).sum();
    }

    public String adminUrl() {
        return admin == null ? null : "http://" + host + ":" + admin.getAddress().getPort() + "/simulator";
    }

    public Path trustStore() {
        return trustStore;
    }
}
