package dev.finessesignout.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Team;
import dev.finessesignout.simulator.xmpp.EmbeddedNotificationService;
import dev.finessesignout.simulator.xmpp.ExternalNotificationService;
import dev.finessesignout.simulator.xmpp.FinesseNodes;
import dev.finessesignout.simulator.xmpp.NotificationService;
import dev.finessesignout.simulator.xmpp.Outages;
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

    /**
     * Where it listens; a port of 0 takes any free port, -1 switches that port off. Each side has its own XMPP
     * notification service, as each Finesse node has its own.
     */
    public record Ports(int sideAHttp, int sideAHttps, int sideBHttp, int sideBHttps, int admin, int sideAXmpp,
            int sideBXmpp) {
        /** Every REST port on a free port, no XMPP notification service. */
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0, -1, -1);
        }

        /** Every port on a free port, both sides' notification services included. */
        public static Ports ephemeralWithXmpp() {
            return new Ports(0, 0, 0, 0, 0, 0, 0);
        }

        /** The XMPP port of side A or B. */
        public int xmpp(String side) {
            return SIDE_A.equalsIgnoreCase(side) ? sideAXmpp : sideBXmpp;
        }
    }

    private static final String SIDE_A = "A";
    private static final String SIDE_B = "B";
    /** How long a start waits for the publishers to log in to external servers. */
    private static final long EXTERNAL_START_WAIT_SECONDS = 30;
    /** How long a node holds its answer back after publishing, in the beforeAnswer style. */
    private static final long EARLY_DELIVERY_MILLIS = 300;

    private final Path setupFile;
    private final String host;
    private final Ports ports;
    private final Path trustStore;
    private final String trustStorePassword;
    /** Null: each side's notification service is an embedded server of the simulator's own. */
    private final ExternalXmpp externalXmpp;
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
    /**
     * Each side's notification service with its queue, A before B; a side whose service is off is absent. Set once at
     * start and emptied at stop, never changed in place: changes on any thread read it without a lock.
     */
    private volatile Map<String, SideNotifier> notifiers = Map.of();

    /** A simulator running its own notification services (embedded XMPP servers). */
    public FinesseSimulator(Path setupFile, String host, Ports ports, Path trustStore, String trustStorePassword) {
        this(setupFile, host, ports, trustStore, trustStorePassword, null);
    }

    /**
     * A simulator publishing through external XMPP servers, one per side, on the ports {@code ports} gives for XMPP
     * (null {@code externalXmpp}: its own embedded servers).
     */
    public FinesseSimulator(Path setupFile, String host, Ports ports, Path trustStore, String trustStorePassword,
            ExternalXmpp externalXmpp) {
        this.setupFile = setupFile;
        this.host = host;
        this.ports = ports;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.externalXmpp = externalXmpp;
    }

    /**
     * Reads the setup and writes the trust store, so that clients can be configured before the ports open. In external
     * mode the trust store also holds the certificates the external XMPP servers are trusted with, so that a client
     * given it trusts the whole simulated deployment.
     */
    @Override
    protected void doInit() throws Exception {
        initialSetup = SimulatorSetup.read(setupFile);
        notificationStyle = initialSetup.notificationsOrDefault();
        certificate = new SelfSignedCertificate(initialSetup.certificateNamesOr(host));
        certificate.writeTrustStore(trustStore, trustStorePassword,
                externalXmpp == null ? List.of() : externalXmpp.trustedCertificates());
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
        startNotifications();
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
                *  XMPP notifications, domain {} (pubsub.{}):
                *    side A: {}
                *    side B: {}
                *  users from {}
                ***************************************************************************************""",
                sideA.httpUrl(), sideA.httpsUrl(), sideB.httpUrl(), sideB.httpsUrl(), adminUrl(),
                trustStore.toAbsolutePath(), xmppDomain(), xmppDomain(), xmppAddress(SIDE_A), xmppAddress(SIDE_B),
                setupFile.toAbsolutePath());
    }

    /**
     * Starts each side's XMPP notification service (or, in external mode, connects to it), and publishes each state
     * change to the user's node and its team's node on both sides, as both Finesse nodes do, after the change (or
     * before the HTTP answer, as a variant). Publications leave in the order of the changes, but servers deliver them
     * from a pool of threads: a subscriber may receive two quick changes of one user out of order, as from any server,
     * and must go by stateChangeTime and requestId.
     */
    private void startNotifications() throws Exception {
        FinesseNodes nodes = FinesseNodes.of(initialSetup.teams().stream().map(SimulatorSetup.TeamEntry::id).toList(),
                initialSetup.users().stream().map(SimulatorSetup.UserEntry::id).toList());
        Map<String, SideNotifier> started = new LinkedHashMap<>();
        try {
            for (String side : List.of(SIDE_A, SIDE_B)) {
                if (ports.xmpp(side) >= 0) {
                    NotificationService service = externalXmpp == null ? embeddedService(side, nodes)
                            : externalService(side, nodes);
                    started.put(side, new SideNotifier(side, service));
                }
            }
        } catch (Exception e) {
            for (SideNotifier notifier : started.values()) { // side A's must not outlive a failed start of B's
                notifier.close(0);
            }
            throw e;
        }
        notifiers = Collections.unmodifiableMap(started);
        awaitSessions();
        if (!started.isEmpty()) {
            directory.onChange(this::notify);
        }
    }

    /** An XMPP server of the simulator's own, with every simulated user as an account. */
    private NotificationService embeddedService(String side, FinesseNodes nodes) throws Exception {
        Map<String, String> accounts = new HashMap<>();
        initialSetup.users().forEach(user -> accounts.put(user.id(), user.password()));
        return EmbeddedNotificationService.start(xmppDomain(), host, ports.xmpp(side), certificate.keyStoreBytes(),
                SelfSignedCertificate.KEY_PASSWORD, certificate.clientContext(), accounts, nodes);
    }

    /** A server the simulator only publishes to; it logs in later, on the side's own queue. */
    private NotificationService externalService(String side, FinesseNodes nodes) throws Exception {
        return new ExternalNotificationService(side, xmppDomain(), externalXmpp.host(side), ports.xmpp(side),
                externalXmpp.tls(), externalXmpp.trust(), externalXmpp.publisher(), externalXmpp.publisherPassword(),
                nodes);
    }

    /**
     * Each side's publisher logs in first thing on its own queue (in external mode making the nodes and
     * subscriptions; an embedded service is logged in already), and the start waits for both, side by side, for a
     * while: an external server that is not there yet is a warning, not a failed start. Its side's notifications wait
     * for it, the other side's go out.
     */
    private void awaitSessions() throws InterruptedException {
        Map<String, Future<?>> sessions = new LinkedHashMap<>();
        notifiers.forEach((side, notifier) -> sessions.put(side, notifier.run(notifier.service()::connect)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXTERNAL_START_WAIT_SECONDS);
        for (Map.Entry<String, Future<?>> session : sessions.entrySet()) {
            try {
                session.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("Side {}'s XMPP server {} is not usable yet ({}): its notifications wait for it",
                        session.getKey(), xmppAddress(session.getKey()), e.getCause() == null ? e : e.getCause());
            }
        }
    }

    /**
     * Called with the directory's lock held, so it only queues: the payloads (and the whole-team view) are made now,
     * under the same lock, and nothing here waits for an XMPP server (a notification that must beat the 202 is
     * awaited by the node after the lock is released, see {@link #awaitNotificationsWhenEarly()}).
     */
    private void notify(UserChange change) {
        NotificationStyle style = notificationStyle;
        if (style.drops()) {
            return;
        }
        Team team = style.publishesWholeTeam() && change.teamId() != null ? directory.teamView(change.teamId()) : null;
        List<Publication> items = publications(change, team, style);
        String about = "user " + change.user().getLoginId();
        for (SideNotifier notifier : notifiers.values()) {
            notifier.submit(about, items);
        }
    }

    /** The items one change publishes: to the user's node and its team's node (twice when duplicated). */
    private List<Publication> publications(UserChange change, Team team, NotificationStyle style) {
        String user = change.user().getLoginId();
        String payload = change.failure() == null
                ? updates.userChanged(change.user(), change.teamId(), change.requestId(), style)
                : updates.requestFailed(FinesseNodes.user(user), change.requestId(), change.failure().getErrorType(),
                        change.failure().getErrorMessage(), style);
        List<Publication> items = new ArrayList<>();
        for (int copy = style.duplicates() ? 2 : 1; copy > 0; copy--) {
            items.add(new Publication(FinesseNodes.user(user), payload));
            if (change.teamId() != null) {
                items.add(new Publication(FinesseNodes.teamUsers(change.teamId()), payload));
            }
        }
        if (team != null) {
            items.add(new Publication(FinesseNodes.teamUsers(change.teamId()),
                    updates.teamChanged(team, change.requestId(), style)));
        }
        return items;
    }

    /**
     * Before a node answers: with the beforeAnswer style, wait until every queued notification is published on each
     * side whose service is up (a side that is down would hold the answer for its whole outage), then a moment more,
     * as the server delivers to subscribers on its own threads: the notification arrives before the 202.
     */
    private void awaitNotificationsWhenEarly() {
        if (notifiers.isEmpty() || !notificationStyle.publishesBeforeAnswer()) {
            return;
        }
        try {
            List<Future<?>> drained = new ArrayList<>();
            for (SideNotifier notifier : notifiers.values()) {
                if (!notifier.service().isDown()) {
                    drained.add(notifier.drained());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Future<?> side : drained) {
                side.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            Thread.sleep(EARLY_DELIVERY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Notifications were not published before the answer: {}", e.toString());
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
     * An outage of both sides' XMPP notification services, as when Finesse's notification servers restart: every XMPP
     * session is cut now and connections are refused for {@code outage}, then each service listens again on the same
     * port. Subscriptions clients made themselves are lost (clients must subscribe again); users' own nodes and
     * SystemInfo stay subscribed. State changes meanwhile are queued and published once the simulator's own sessions
     * are back (each waits up to a minute for it: a longer outage loses some, with a warning each). Returns at once,
     * with a future that completes when both services are back.
     *
     * @throws IllegalStateException when both services are off, one is already down, or a service is not the
     *                               simulator's own
     */
    public CompletableFuture<Void> interruptNotifications(Duration outage) {
        if (notifiers.isEmpty()) {
            throw new IllegalStateException("the XMPP notification services are off");
        }
        for (SideNotifier notifier : notifiers.values()) {
            outages(notifier.side()); // fails for a server the simulator does not run, before anything goes down
            if (notifier.service().isDown()) {
                throw new IllegalStateException("side " + notifier.side() + "'s XMPP notification service is already "
                        + "down");
            }
        }
        List<CompletableFuture<Void>> back = new ArrayList<>();
        for (String side : notifiers.keySet()) {
            back.add(interruptNotifications(side, outage));
        }
        return CompletableFuture.allOf(back.toArray(CompletableFuture[]::new));
    }

    /**
     * An outage of one side's notification service ({@code side} A or B), as {@link #interruptNotifications(Duration)}
     * describes; the other side's service goes on, and its notifications are not delayed.
     *
     * @throws IllegalStateException when that service is off or already down, or is not the simulator's own
     */
    public CompletableFuture<Void> interruptNotifications(String side, Duration outage) {
        CompletableFuture<Void> back = outages(side).interrupt(outage);
        LOG.warn("Side {}'s XMPP notification service down for {} ms (simulated outage)", sideName(side),
                outage.toMillis());
        return back;
    }

    /**
     * One side's notification service goes down until {@link #resumeNotifications(String)}: sessions cut, connections
     * refused. Its notifications are queued meanwhile (each waits up to a minute for the service, then is lost with a
     * warning); the other side's go on.
     *
     * @throws IllegalStateException when that service is off or already down, or is not the simulator's own
     */
    public void stopNotifications(String side) {
        outages(side).goDown();
        LOG.warn("Side {}'s XMPP notification service down until resumed (simulated outage)", sideName(side));
    }

    /**
     * One side's notification service listens again after {@link #stopNotifications(String)}, without the
     * subscriptions clients made (as after a restart); nothing happens when it is not down.
     *
     * @throws IllegalStateException when that service is off or not the simulator's own
     */
    public void resumeNotifications(String side) {
        try {
            outages(side).comeBack();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("side " + side + "'s XMPP notification service could not listen "
                    + "again", e);
        }
    }

    /** How many notification items side A's XMPP server has accepted from the simulator (0 when its service is off). */
    public long notificationsPublished() {
        return notificationsPublished(SIDE_A);
    }

    /** How many notification items that side's XMPP server has accepted from the simulator (0 when off). */
    public long notificationsPublished(String side) {
        SideNotifier notifier = notifiers.get(sideName(side));
        return notifier == null ? 0 : notifier.service().published();
    }

    /** Side A's XMPP port, or -1 when its notification service is off. */
    public int xmppPort() {
        return xmppPort(SIDE_A);
    }

    /** That side's XMPP port, or -1 when its notification service is off. */
    public int xmppPort(String side) {
        SideNotifier notifier = notifiers.get(sideName(side));
        return notifier == null ? -1 : notifier.service().port();
    }

    /** Where that side's notification service listens (host, port, TLS), or "off". */
    public String xmppAddress(String side) {
        SideNotifier notifier = notifiers.get(sideName(side));
        return notifier == null ? "off" : notifier.service().address();
    }

    /** Whether that side's notification service is down now (false when off). */
    public boolean notificationsDown(String side) {
        SideNotifier notifier = notifiers.get(sideName(side));
        return notifier != null && notifier.service().isDown();
    }

    /**
     * Who is subscribed to a pubsub node of side A's service now (full or bare JIDs): shows whether a client left a
     * subscription behind.
     */
    public List<String> subscribers(String nodeId) {
        return subscribers(SIDE_A, nodeId);
    }

    /** Who is subscribed to a pubsub node of that side's service now; empty when the service is off. */
    public List<String> subscribers(String side, String nodeId) {
        SideNotifier notifier = notifiers.get(sideName(side));
        if (notifier == null) {
            return List.of();
        }
        try {
            return notifier.service().subscribers(nodeId);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("side " + side + "'s subscribers of " + nodeId + " are not known: " + e, e);
        }
    }

    /** The outages of that side's service; fails when it is off or a server the simulator does not run. */
    private Outages outages(String side) {
        SideNotifier notifier = notifier(side);
        return notifier.service().outages().orElseThrow(() -> new IllegalStateException("side " + notifier.side()
                + "'s notification service is an external XMPP server (" + notifier.service().address()
                + "), which the simulator cannot stop or start: stop or kill the server's process instead"));
    }

    /** The side's notifier; fails when that side's service is off. */
    private SideNotifier notifier(String side) {
        SideNotifier notifier = notifiers.get(sideName(side));
        if (notifier == null) {
            throw new IllegalStateException("side " + side + "'s XMPP notification service is off");
        }
        return notifier;
    }

    /** A or B, in any letter case; anything else is refused. */
    private static String sideName(String side) {
        if (SIDE_A.equalsIgnoreCase(side)) {
            return SIDE_A;
        }
        if (SIDE_B.equalsIgnoreCase(side)) {
            return SIDE_B;
        }
        throw new IllegalArgumentException("no side " + side + ": A or B");
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
        // both queues stop taking items first, so that they drain side by side
        Map<String, SideNotifier> closing = notifiers;
        closing.values().forEach(SideNotifier::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (SideNotifier notifier : closing.values()) {
            notifier.close(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        notifiers = Map.of();
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
