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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.AbstractConnectionListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outage of the simulator's XMPP notification service, as a client of a restarting Finesse sees it: its session
 * is cut, it cannot connect until the service is back, then it logs in again on the same port and must subscribe
 * again; changes made meanwhile are still published once the service is back.
 */
class XmppOutageTest {
    private static final String TEAM_NODE = "/finesse/api/Team/7/Users";
    private static final String SUPERVISOR = "svc-signout";
    private static final String SUPERVISOR_PASSWORD = "sandbox-only-password";
    /** Long enough for the checks made while down, on a slow machine. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static FinesseSimulator simulator;
    private static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        Path trustStore = Files.createTempDirectory("xmpp-outage-test").resolve("truststore.p12");
        simulator = SampleSimulator.start(FinesseSimulator.Ports.ephemeralWithXmpp(), trustStore);
        tls = TrustingClients.trusting(trustStore);
    }

    /** Even a failed test leaves the services up for the next. */
    @AfterEach
    void awaitServiceBack() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!listening("A") || !listening("B")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        simulator.stop();
    }

    @Test
    void aClientIsCutOffByTheOutageAndMustSubscribeAgainAfterIt() throws Exception {
        XMPPTCPConnection before = XmppClients.connect(simulator, tls, SUPERVISOR, SUPERVISOR_PASSWORD);
        CountDownLatch cutOff = new CountDownLatch(1);
        before.addConnectionListener(new AbstractConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                cutOff.countDown();
            }
        });
        LeafNode team = XmppClients.pubsub(before, simulator).getNode(TEAM_NODE);
        team.subscribe(before.getUser().toString());
        assertEquals(1, team.getSubscriptions().size(), "subscribed before the outage");

        CompletableFuture<Void> back = simulator.interruptNotifications(OUTAGE);
        assertTrue(cutOff.await(10, TimeUnit.SECONDS), "the outage did not cut the client's session");
        assertFalse(before.isConnected());
        assertFalse(listening(), "connections are accepted while down");
        assertThrows(Exception.class, () -> XmppClients.connectOnce(simulator, tls, SUPERVISOR, SUPERVISOR_PASSWORD)
                .instantShutdown(), "no login while down");
        assertFalse(back.isDone(), "the checks while down took longer than the outage; make it longer");

        back.get(30, TimeUnit.SECONDS);
        // on the port it had before: xmppPort() is the one bound at the start
        XMPPTCPConnection after = XmppClients.connect(simulator, tls, SUPERVISOR, SUPERVISOR_PASSWORD);
        XMPPTCPConnection agent = XmppClients.connect(simulator, tls, "1001", "agent-1001");
        try {
            BlockingQueue<String> supervisorHeard = listen(after);
            BlockingQueue<String> agentHeard = listen(agent);
            LeafNode teamAgain = XmppClients.pubsub(after, simulator).getNode(TEAM_NODE);
            assertEquals(List.of(), teamAgain.getSubscriptions(), "the subscription made before the outage is left");
            teamAgain.subscribe(after.getUser().toString());

            assertTrue(simulator.directory().setState("1001", "NOT_READY"));
            assertNotNull(heard(supervisorHeard, "1001"), "the supervisor heard nothing on the team node");
            // the agent never subscribed: its own node's subscription is the server's, which outlasts the outage
            assertNotNull(heard(agentHeard, "1001"), "the agent heard nothing on its own node");
        } finally {
            after.instantShutdown();
            agent.instantShutdown();
        }
    }

    @Test
    void changesDuringTheOutageArePublishedOnceTheServiceIsBack() throws Exception {
        LongSupplier published = simulator::notificationsPublished;
        long before = awaitQuiet(published);

        CompletableFuture<Void> back = simulator.interruptNotifications(OUTAGE);
        int changes = simulator.traffic("8", 3, List.of());
        assertEquals(3, changes);
        Thread.sleep(500); // time to publish, had the session not been cut
        assertEquals(before, published.getAsLong(), "published while the service was down");
        assertFalse(back.isDone(), "the checks while down took longer than the outage; make it longer");

        back.get(30, TimeUnit.SECONDS);
        long expected = before + 2L * changes; // each change goes to the user's node and to the team's
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (published.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, awaitQuiet(published), "notifications queued during the outage were lost");
    }

    @Test
    void theAdminApiStartsAnOutageOfBothSides() throws Exception {
        assertEquals(400, postOutage("seconds=0").statusCode());
        HttpResponse<String> started = postOutage("seconds=2");
        assertEquals(200, started.statusCode(), started.body());
        assertFalse(listening("A"), "side A accepts connections while down");
        assertFalse(listening("B"), "side B accepts connections while down");
        assertEquals(409, postOutage("seconds=2").statusCode(), "a second outage while down");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening("A") || !listening("B")) {
            assertTrue(System.nanoTime() < deadline, "the services did not come back");
            Thread.sleep(200);
        }
        XmppClients.connect(simulator, tls, SUPERVISOR, SUPERVISOR_PASSWORD).instantShutdown();
        XmppClients.connect(simulator, "B", tls, SUPERVISOR, SUPERVISOR_PASSWORD).instantShutdown();
    }

    private static HttpResponse<String> postOutage(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.adminUrl() + "/xmpp/outage?" + query))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether side A's XMPP port takes TCP connections. */
    private static boolean listening() {
        return listening("A");
    }

    private static boolean listening(String side) {
        try (Socket socket = new Socket("127.0.0.1", simulator.xmppPort(side))) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Every message the session receives. */
    private static BlockingQueue<String> listen(XMPPTCPConnection connection) {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(stanza -> heard.add(stanza.toXML(null).toString()),
                stanza -> stanza instanceof Message);
        return heard;
    }

    /** The first message about the user within 15 s, or null. */
    private static String heard(BlockingQueue<String> messages, String userId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String message = messages.poll(1, TimeUnit.SECONDS);
            if (message != null && message.replace("&lt;", "<").replace("&gt;", ">")
                    .contains("<loginId>" + userId + "</loginId>")) {
                return message;
            }
        }
        return null;
    }

    /** The count once it has not changed for a second: publications still under way have finished. */
    private static long awaitQuiet(LongSupplier count) throws InterruptedException {
        long last = count.getAsLong();
        while (true) {
            Thread.sleep(1_000);
            long now = count.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
        }
    }
}
