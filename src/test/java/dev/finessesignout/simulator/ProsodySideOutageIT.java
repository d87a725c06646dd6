package dev.finessesignout.simulator;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prosody A dies (killed, as a crash): side B's subscribers still hear every change at once, while the publisher for
 * A keeps trying in the background; once A is started again (fresh, as a restarted server with in-memory pubsub), the
 * publisher makes its nodes and subscriptions again and A's subscribers hear again.
 */
class ProsodySideOutageIT {
    private static final String TEAM_7 = "/finesse/api/Team/7/Users";
    private static final String SUPERVISOR = "svc-signout";
    private static final String SUPERVISOR_PASSWORD = "sandbox-only-password";
    /** Far below the minute the publisher for A waits for its server: B must not wait behind it. */
    private static final long PROMPT_SECONDS = 5;
    private ProsodyServers servers;
    private FinesseSimulator simulator;
    private XMPPTCPConnection onA;
    private XMPPTCPConnection onB;

    @BeforeEach
    void start() throws Exception {
        servers = ProsodyServers.fromSystemProperties();
        servers.start("A"); // whatever an earlier test left: nothing happens when it runs
        servers.requireRunning();
        simulator = servers.startSimulator(XmppTlsMode.STARTTLS,
                Files.createTempDirectory("prosody-outage-it").resolve("truststore.p12"));
    }

    /** A runs again for whatever test comes next, and no subscription of this test stays behind. */
    @AfterEach
    void stop() throws Exception {
        for (XMPPTCPConnection session : new XMPPTCPConnection[] {onA, onB}) {
            if (session != null) {
                try {
                    XmppClients.pubsub(session).getNode(TEAM_7).unsubscribe(session.getUser().toString());
                } catch (Exception notSubscribed) {
                    // the test failed before it subscribed, or its server is gone: nothing left behind there
                }
                session.instantShutdown();
            }
        }
        simulator.stop();
        servers.start("A");
    }

    @Test
    void sideBHearsAtOnceWhileProsodyAIsDeadAndAHearsAgainOnceRestarted() throws Exception {
        onA = servers.connect("A", XmppTlsMode.STARTTLS, SUPERVISOR, SUPERVISOR_PASSWORD);
        onB = servers.connect("B", XmppTlsMode.STARTTLS, SUPERVISOR, SUPERVISOR_PASSWORD);
        HeardMessages heardOnB = subscribed(onB);
        subscribed(onA);

        servers.kill("A");
        long before = System.nanoTime();
        SignOuts.signOut(simulator, "A", "1001", "req-a-dead");
        assertNotNull(heardOnB.about("1001", "req-a-dead", PROMPT_SECONDS), "side B did not hear promptly");
        simulator.directory().setState("1004", "NOT_READY"); // a second change, queued behind the first on A
        assertNotNull(heardOnB.about("1004", "NOT_READY", PROMPT_SECONDS), "side B did not hear the second change");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertTrue(tookMillis < 2 * PROMPT_SECONDS * 1000, "side B heard both after " + tookMillis + " ms");
        assertTrue(simulator.notificationsDown("A"), "the publisher for A has no session");

        servers.start("A");
        // the next change on A comes once its publisher is back in (it retries every quarter second) and has made
        // the nodes again: a subscription made before that fails, so try until the node is there
        onA.instantShutdown();
        onA = servers.connect("A", XmppTlsMode.STARTTLS, SUPERVISOR, SUPERVISOR_PASSWORD);
        HeardMessages heardOnA = subscribedOnceTheNodeIsBack(onA);
        assertFalse(simulator.notificationsDown("A"), "the publisher for A is logged in again");
        simulator.directory().setState("1005", "NOT_READY");
        assertNotNull(heardOnA.about("1005", "NOT_READY", 15), "side A did not hear after its restart");
        assertNotNull(heardOnB.about("1005", "NOT_READY", 15), "side B goes on hearing");
    }

    private static HeardMessages subscribed(XMPPTCPConnection session) throws Exception {
        HeardMessages heard = HeardMessages.of(session);
        XmppClients.pubsub(session).getNode(TEAM_7).subscribe(session.getUser().toString());
        return heard;
    }

    private static HeardMessages subscribedOnceTheNodeIsBack(XMPPTCPConnection session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                return subscribed(session);
            } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }
}
