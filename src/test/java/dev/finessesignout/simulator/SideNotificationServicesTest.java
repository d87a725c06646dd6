package dev.finessesignout.simulator;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Notification;
import dev.finessesignout.simulator.xmpp.FinesseNodes;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each side has a notification service of its own, as each Finesse node has its own Openfire: every change is
 * published on both, one side being down neither delays nor loses the other side's notifications, and sessions and
 * subscriptions belong to one side.
 */
class SideNotificationServicesTest {
    private static final String TEAM_7 = "/finesse/api/Team/7/Users";
    private static final String TEAM_8 = "/finesse/api/Team/8/Users";
    private static final String SUPERVISOR = "svc-signout";
    private static final String SUPERVISOR_PASSWORD = "sandbox-only-password";
    /** Far below the minute a publisher waits for a server that is down: a shared queue would hold B that long. */
    private static final long PROMPT_SECONDS = 5;
    private static final FinesseXml XML = new FinesseXml();
    private static FinesseSimulator simulator;
    private static SSLContext tls;
    private final List<XMPPTCPConnection> sessions = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path trustStore = Files.createTempDirectory("side-notifications-test").resolve("truststore.p12");
        simulator = SampleSimulator.start(FinesseSimulator.Ports.ephemeralWithXmpp(), trustStore);
        tls = TrustingClients.trusting(trustStore);
    }

    @BeforeEach
    void reset() throws IOException {
        simulator.reset();
    }

    /** Both services up again and every test session closed, whatever the test did. */
    @AfterEach
    void bothSidesUp() throws Exception {
        sessions.forEach(XMPPTCPConnection::instantShutdown);
        for (String side : List.of("A", "B")) {
            simulator.resumeNotifications(side);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listening(side) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        simulator.stop();
    }

    @Test
    void eachSideHasItsOwnPortAndTheSameAccountsNodesAndAutomaticSubscriptions() throws Exception {
        assertNotEquals(simulator.xmppPort("A"), simulator.xmppPort("B"));
        assertEquals(simulator.xmppPort(), simulator.xmppPort("A"), "xmppPort() is side A's");
        for (String side : List.of("A", "B")) {
            assertTrue(simulator.subscribers(side, "/finesse/api/User/1001").contains("1001@" + simulator.xmppDomain()),
                    side + ": " + simulator.subscribers(side, "/finesse/api/User/1001"));
            assertTrue(simulator.subscribers(side, FinesseNodes.SYSTEM_INFO)
                    .contains("1002@" + simulator.xmppDomain()));
            XMPPTCPConnection agent = session(side, "1003", "agent-1003");
            assertNotNull(agent.getUser(), "the agent logs in on side " + side);
        }
        assertThrows(IllegalArgumentException.class, () -> simulator.xmppPort("C"));
    }

    @Test
    void aChangeIsNotifiedOnBothSides() throws Exception {
        HeardMessages heardOnA = subscribed("A", TEAM_7);
        HeardMessages heardOnB = subscribed("B", TEAM_7);

        SignOuts.signOut(simulator, "A", "1001", "req-on-a");
        assertEquals("req-on-a", requestIdOf(heard(heardOnA, "1001")), "side A");
        assertEquals("req-on-a", requestIdOf(heard(heardOnB, "1001")), "side B hears a change made through node A");

        SignOuts.signOut(simulator, "B", "1002", "req-on-b");
        assertEquals("req-on-b", requestIdOf(heard(heardOnA, "1002")), "side A hears a change made through node B");
        assertEquals("req-on-b", requestIdOf(heard(heardOnB, "1002")), "side B");
    }

    @Test
    void whileSideAIsDownSideBIsNotifiedPromptlyAndAPublishesWhatWasQueuedOnceBack() throws Exception {
        HeardMessages heardOnB = subscribed("B", TEAM_7);
        long publishedOnA = awaitQuiet("A");
        simulator.stopNotifications("A");
        assertFalse(listening("A"), "side A refuses connections while down");
        assertTrue(simulator.notificationsDown("A"));
        assertThrows(IllegalStateException.class, () -> simulator.stopNotifications("A"), "already down");

        long before = System.nanoTime();
        SignOuts.signOut(simulator, "A", "1001", "req-a-down");
        assertEquals("req-a-down", requestIdOf(heard(heardOnB, "1001")));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertTrue(tookMillis < PROMPT_SECONDS * 1000, "side B heard after " + tookMillis + " ms");
        simulator.directory().setState("1004", "NOT_READY"); // a second change queued on A
        assertNotNull(heard(heardOnB, "1004"));
        Thread.sleep(500); // time to publish on A, had it been up
        assertEquals(publishedOnA, simulator.notificationsPublished("A"), "published on A while it was down");

        simulator.resumeNotifications("A");
        assertFalse(simulator.notificationsDown("A"));
        long expected = publishedOnA + 4; // two changes, each to the user's node and the team's
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.notificationsPublished("A") < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, awaitQuiet("A"), "the notifications queued on A while it was down");

        // and A notifies again: a client that subscribes anew (its old subscriptions are gone) hears the next change
        HeardMessages heardOnA = subscribed("A", TEAM_7);
        simulator.directory().setState("1005", "NOT_READY");
        assertNotNull(heard(heardOnA, "1005"));
    }

    @Test
    void aSubscriptionMadeOnSideAIsNotOnSideB() throws Exception {
        XMPPTCPConnection onA = session("A", SUPERVISOR, SUPERVISOR_PASSWORD);
        HeardMessages heardOnA = HeardMessages.of(onA);
        XmppClients.pubsub(onA, simulator).getNode(TEAM_8).subscribe(onA.getUser().toString());
        XMPPTCPConnection onB = session("B", SUPERVISOR, SUPERVISOR_PASSWORD);
        HeardMessages heardOnB = HeardMessages.of(onB);

        assertEquals(List.of(onA.getUser().toString()), simulator.subscribers("A", TEAM_8));
        assertEquals(List.of(), simulator.subscribers("B", TEAM_8), "the subscription does not follow to side B");
        assertEquals(List.of(), XmppClients.pubsub(onB, simulator).getNode(TEAM_8).getSubscriptions(),
                "side B's service tells the supervisor it has no subscription there");

        simulator.directory().setState("1010", "NOT_READY"); // team 8
        assertNotNull(heard(heardOnA, "1010"));
        simulator.directory().setState("1011", "NOT_READY"); // heard on A after 1010: B had time for 1010 too
        assertNotNull(heard(heardOnA, "1011"));
        assertNull(heardOnB.next(1), "side B sent something to a session not subscribed there");
    }

    @Test
    void theAdminApiTakesOneSideDownAndUpAndShowsIt() throws Exception {
        assertEquals(404, admin("/sides/C/xmpp/down").statusCode());
        HttpResponse<String> down = admin("/sides/B/xmpp/down");
        assertEquals(200, down.statusCode(), down.body());
        assertTrue(new ObjectMapper().readTree(down.body()).path("down").asBoolean(), down.body());
        assertFalse(listening("B"));
        assertTrue(listening("A"), "side A is not touched");
        assertEquals(409, admin("/sides/B/xmpp/down").statusCode(), "already down");
        JsonNode overview = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator.adminUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(overview.path("sideB").path("xmpp").path("down").asBoolean(), overview.toString());
        assertFalse(overview.path("sideA").path("xmpp").path("down").asBoolean(), overview.toString());
        assertEquals(simulator.xmppPort("B"), overview.path("sideB").path("xmpp").path("port").asInt());

        assertEquals(200, admin("/sides/B/xmpp/up").statusCode());
        assertTrue(listening("B"));
        session("B", SUPERVISOR, SUPERVISOR_PASSWORD);

        assertEquals(400, admin("/sides/A/xmpp/outage?seconds=0").statusCode());
        assertEquals(200, admin("/sides/A/xmpp/outage?seconds=2").statusCode());
        assertFalse(listening("A"));
        assertTrue(listening("B"), "an outage of A leaves B up");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening("A")) {
            assertTrue(System.nanoTime() < deadline, "side A did not come back");
            Thread.sleep(200);
        }
    }

    /** A supervisor session on that side, subscribed to the node; every message it receives. */
    private HeardMessages subscribed(String side, String node) throws Exception {
        XMPPTCPConnection session = session(side, SUPERVISOR, SUPERVISOR_PASSWORD);
        HeardMessages heard = HeardMessages.of(session);
        XmppClients.pubsub(session, simulator).getNode(node).subscribe(session.getUser().toString());
        return heard;
    }

    private XMPPTCPConnection session(String side, String user, String password) throws Exception {
        XMPPTCPConnection session = XmppClients.connect(simulator, side, tls, user, password);
        sessions.add(session);
        return session;
    }

    /** The first message about the user within {@link #PROMPT_SECONDS}, or null. */
    private static String heard(HeardMessages messages, String userId) throws InterruptedException {
        return messages.about(userId, "", PROMPT_SECONDS);
    }

    private static String requestIdOf(String message) {
        assertNotNull(message, "no notification");
        Notification notification = XML.readNotification(message);
        assertEquals("pubsub." + simulator.xmppDomain(), notification.from());
        return notification.update().getRequestId();
    }

    /** That side's published count once it has not changed for a second. */
    private static long awaitQuiet(String side) throws InterruptedException {
        long last = simulator.notificationsPublished(side);
        while (true) {
            Thread.sleep(1_000);
            long now = simulator.notificationsPublished(side);
            if (now == last) {
                return now;
            }
            last = now;
        }
    }

    private static boolean listening(String side) {
        try (Socket socket = new Socket("127.0.0.1", simulator.xmppPort(side))) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.adminUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
