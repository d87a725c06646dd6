package dev.finessesignout.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Notification;
import dev.finessesignout.model.Update;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's notifications as an XMPP client sees them: a supervisor subscribed to its team's node receives each
 * state change from pubsub.&lt;domain&gt;, in the contract's envelope, in each style the contract lists.
 */
class XmppNotificationsTest {
    private static final String TEAM_NODE = "/finesse/api/Team/7/Users";
    private static final FinesseXml XML = new FinesseXml();
    private static FinesseSimulator simulator;
    private static SSLContext tls;
    private static XMPPTCPConnection supervisor;
    private static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        Path trustStore = Files.createTempDirectory("xmpp-test").resolve("truststore.p12");
        simulator = SampleSimulator.start(FinesseSimulator.Ports.ephemeralWithXmpp(), trustStore);
        tls = TrustingClients.trusting(trustStore);
        listenAsSupervisor();
    }

    /** The supervisor's session every test listens with: subscribed to team 7's node, messages into {@link #received}. */
    private static void listenAsSupervisor() throws Exception {
        supervisor = connect("svc-signout", "sandbox-only-password");
        supervisor.addAsyncStanzaListener(stanza -> received.add(stanza.toXML(null).toString()),
                stanza -> stanza instanceof Message);
        PubSubManager pubsub = PubSubManager.getInstance(supervisor, JidCreate.bareFrom("pubsub." + simulator.xmppDomain()));
        pubsub.getNode(TEAM_NODE).subscribe(supervisor.getUser().toString());
    }

    @BeforeEach
    void reset() throws Exception {
        simulator.reset();
        received.clear();
    }

    @AfterAll
    static void stop() {
        supervisor.instantShutdown();
        simulator.stop();
    }

    @Test
    void aSignOutIsNotifiedOnTheTeamNodeAsEscapedTextWithItsRequestId() throws Exception {
        simulator.notificationStyle(NotificationStyle.defaults());
        signOut("1001", "req-1001");
        String message = next("1001");
        assertTrue(message.contains("&lt;Update"), "escaped text: " + message);
        Notification notification = XML.readNotification(message);
        assertEquals("pubsub." + simulator.xmppDomain(), notification.from());
        assertEquals(TEAM_NODE, notification.node());
        Update update = notification.update();
        assertEquals("1001", update.user().getLoginId());
        assertTrue(update.user().isSignedOut());
        assertTrue(update.isPut());
        assertEquals("req-1001", update.getRequestId());
        assertEquals("/finesse/api/User/1001", update.getSource());
    }

    @Test
    void theOtherDocumentedFormsOnDemand() throws Exception {
        simulator.notificationStyle(style("{\"childElements\": true, \"userElement\": \"User\", \"eventCase\": \"lower\", \"emptyRequestId\": true, \"shuffled\": true}"));
        signOut("1002", "req-1002");
        String message = next("1002");
        assertTrue(message.contains("<Update>") && message.contains("<User>"), "child elements, User: " + message);
        assertTrue(message.contains("<event>put</event>"), message);
        Update update = XML.readNotification(message).update();
        assertEquals("1002", update.user().getLoginId());
        assertTrue(update.isPut() && update.user().isSignedOut());
        assertNull(update.getRequestId());
    }

    @Test
    void unsolicitedChangesAreNotifiedWithoutRequestId() throws Exception {
        simulator.notificationStyle(NotificationStyle.defaults());
        simulator.directory().setState("1004", "NOT_READY");
        Update update = XML.readNotification(next("1004")).update();
        assertEquals("NOT_READY", update.user().getState());
        assertNull(update.getRequestId());
    }

    @Test
    void otherTeamsAreNotHeard() throws Exception {
        simulator.directory().setState("1009", "NOT_READY"); // team 8: not subscribed
        simulator.directory().setState("1005", "NOT_READY"); // team 7: heard
        String first = unescape(next("1005"));
        assertTrue(first.contains("<loginId>1005</loginId>"), first);
        assertNull(received.stream().filter(m -> unescape(m).contains("<loginId>1009</loginId>")).findAny().orElse(null));
    }

    @Test
    void duplicatedNotificationsArriveTwice() throws Exception {
        simulator.notificationStyle(style("{\"duplicated\": true}"));
        signOut("1006", "req-1006");
        assertEquals("req-1006", XML.readNotification(next("1006")).update().getRequestId());
        assertEquals("req-1006", XML.readNotification(next("1006")).update().getRequestId());
    }

    @Test
    void droppedNotificationsNeverArriveThoughTheStateChanges() throws Exception {
        simulator.notificationStyle(style("{\"dropped\": true}"));
        signOut("1007", "req-1007");
        assertEquals("LOGOUT", simulator.directory().state("1007"));
        simulator.notificationStyle(NotificationStyle.defaults());
        simulator.directory().setState("1008", "NOT_READY"); // a later change still arrives, and the dropped one did not
        XML.readNotification(next("1008"));
        assertNull(received.stream().filter(m -> unescape(m).contains("<loginId>1007</loginId>")).findAny().orElse(null));
    }

    @Test
    void aNotificationCanBePublishedBeforeTheAnswer() throws Exception {
        simulator.notificationStyle(style("{\"beforeAnswer\": true}"));
        signOut("1003", "req-1003");
        assertEquals("req-1003", XML.readNotification(next("1003")).update().getRequestId());
    }

    @Test
    void anAsynchronousFailureIsA202ThenApiErrorsNamingTheRequest() throws Exception {
        simulator.notificationStyle(NotificationStyle.defaults());
        simulator.side("A").faults().asyncFailures(1);
        signOut("1008", "req-async");
        Update update = XML.readNotification(next("/finesse/api/User/1008", "req-async")).update();
        assertNull(update.user());
        assertEquals("Invalid State", update.apiErrors().first().getErrorType());
        assertEquals("req-async", update.getRequestId());
        assertEquals("READY", simulator.directory().state("1008"), "nothing changed");
    }

    @Test
    void aSignOutDuringACallIsNotifiedAsPendingThenAsDone() throws Exception {
        simulator.directory().callEnd(Duration.ofMillis(500));
        signOut("1006", "req-hold"); // HOLD
        Update pending = XML.readNotification(next("<pendingState>LOGOUT</pendingState>", "req-hold")).update();
        assertEquals("HOLD", pending.user().getState());
        Update done = XML.readNotification(next("<loginId>1006</loginId>", "<state>LOGOUT</state>")).update();
        assertTrue(done.user().isSignedOut());
        assertNull(done.user().getPendingState());
    }

    @Test
    void aTeamNodeCanCarryAWholeTeamUpdate() throws Exception {
        simulator.notificationStyle(style("{\"wholeTeam\": true}"));
        signOut("1004", "req-team");
        Update team = XML.readNotification(next("<team>", "req-team")).update();
        assertEquals("7", team.team().getId());
        assertTrue(team.team().getUsers().stream().noneMatch(u -> "1004".equals(u.getLoginId())),
                "the signed-out user has left the team's signed-in users");
        assertTrue(team.team().getUsers().stream().anyMatch(u -> "1001".equals(u.getLoginId())));
    }

    @Test
    void everyUserHearsItsOwnNodeWithoutSubscribing() throws Exception {
        BlockingQueue<String> agentHeard = new LinkedBlockingQueue<>();
        XMPPTCPConnection agent = connect("1001", "agent-1001");
        try {
            agent.addAsyncStanzaListener(stanza -> agentHeard.add(stanza.toXML(null).toString()),
                    stanza -> stanza instanceof Message);
            signOut("1001", "req-own");
            String message = agentHeard.poll(15, TimeUnit.SECONDS);
            assertNotNull(message, "the agent heard nothing");
            Notification notification = XML.readNotification(message);
            assertEquals("/finesse/api/User/1001", notification.node());
            assertEquals("req-own", notification.update().getRequestId());
        } finally {
            agent.instantShutdown();
        }
    }

    @Test
    void aWholeTeamUpdateCanAlsoBeatTheAnswer() throws Exception {
        simulator.notificationStyle(style("{\"beforeAnswer\": true, \"wholeTeam\": true}"));
        signOut("1005", "req-both");
        assertEquals("req-both", XML.readNotification(next("<team>", "req-both")).update().getRequestId());
    }

    @Test
    void unrelatedTrafficOnDemandLeavesTheExcludedUsersAlone() throws Exception {
        // team 8, heard on a session of its own: the other tests' late notifications (team 7) cannot mix in
        XMPPTCPConnection listener = connect("svc-signout", "sandbox-only-password");
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try {
            listener.addAsyncStanzaListener(stanza -> heard.add(stanza.toXML(null).toString()),
                    stanza -> stanza instanceof Message);
            PubSubManager.getInstance(listener, JidCreate.bareFrom("pubsub." + simulator.xmppDomain()))
                    .getNode("/finesse/api/Team/8/Users").subscribe(listener.getUser().toString());
            int made = simulator.traffic("8", 30, java.util.List.of("1009"));
            assertEquals(30, made);
            int count = 0;
            while (count < made) {
                String message = heard.poll(15, TimeUnit.SECONDS);
                assertNotNull(message, "heard " + count + " of " + made);
                Update update = XML.readNotification(message).update();
                assertNull(update.getRequestId(), "traffic is unsolicited");
                assertTrue(!"1009".equals(update.user().getLoginId()), "an excluded user was moved");
                count++;
            }
            assertEquals("RESERVED", simulator.directory().state("1009"));
        } finally {
            listener.instantShutdown();
        }
    }

    /** A notification style written as the admin API takes it. */
    private static NotificationStyle style(String json) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, NotificationStyle.class);
    }

    /** The next message whose Update contains both texts. */
    private static String next(String text, String otherText) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String message = received.poll(1, TimeUnit.SECONDS);
            if (message != null && unescape(message).contains(text) && unescape(message).contains(otherText)) {
                return message;
            }
        }
        throw new AssertionError("no notification with " + text + " and " + otherText);
    }

    private static String next(String userId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String message = received.poll(1, TimeUnit.SECONDS);
            if (message != null && unescape(message).contains("<loginId>" + userId + "</loginId>")) {
                return message;
            }
        }
        throw new AssertionError("no notification for user " + userId);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static void signOut(String userId, String requestId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.side("A").httpUrl() + "/finesse/api/User/" + userId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "svc-signout:sandbox-only-password".getBytes(StandardCharsets.UTF_8)))
                .header("requestId", requestId)
                .timeout(Duration.ofSeconds(20)) // a stuck simulator fails the test instead of hanging it
                .PUT(HttpRequest.BodyPublishers.ofString("<User><state>LOGOUT</state></User>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode());
    }

    /** A logged-in session (see {@link XmppClients#connect}). */
    private static XMPPTCPConnection connect(String user, String password) throws Exception {
        XMPPTCPConnection connection = XmppClients.connect(simulator, tls, user, password);
        assertNotNull(connection.getUser());
        return connection;
    }
}
