package dev.finessesignout.simulator;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.X509TrustManager;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Notification;
import dev.finessesignout.model.Update;
import dev.finessesignout.simulator.xmpp.XmppClientSettings;
import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator in external mode publishes through Prosody A and B (scripts/prosody.sh), and an independent client,
 * logged in as a supervisor on each side and verifying the certificate and its name with the generated trust store,
 * receives a sign-out made on the simulator's REST side, in both forms of the contract; over STARTTLS and over
 * direct TLS. A client that does not trust the certificate is refused.
 */
class ProsodyNotificationsIT {
    private static final String TEAM_7 = "/finesse/api/Team/7/Users";
    private static final String SUPERVISOR = "svc-signout";
    private static final String SUPERVISOR_PASSWORD = "sandbox-only-password";
    private static final long SECONDS = 15;
    private static final FinesseXml XML = new FinesseXml();
    private static ProsodyServers servers;
    private FinesseSimulator simulator;
    private final List<XMPPTCPConnection> sessions = new ArrayList<>();

    @BeforeAll
    static void servers() {
        servers = ProsodyServers.fromSystemProperties().requireRunning();
    }

    @AfterEach
    void stop() throws Exception {
        for (XMPPTCPConnection session : sessions) {
            session.instantShutdown();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(XmppTlsMode.class)
    void aSignOutReachesASupervisorOnBothSidesInBothForms(XmppTlsMode tls) throws Exception {
        simulator = servers.startSimulator(tls, Files.createTempDirectory("prosody-it").resolve("truststore.p12"));
        List<XMPPTCPConnection> supervisors = new ArrayList<>();
        List<HeardMessages> heard = new ArrayList<>();
        for (String side : List.of("A", "B")) {
            XMPPTCPConnection supervisor = session(side, tls);
            heard.add(HeardMessages.of(supervisor));
            XmppClients.pubsub(supervisor, simulator).getNode(TEAM_7).subscribe(supervisor.getUser().toString());
            supervisors.add(supervisor);
            assertTrue(simulator.subscribers(side, TEAM_7).contains(supervisor.getUser().toString()),
                    "Prosody " + side + " tells its owner who subscribed: " + simulator.subscribers(side, TEAM_7));
        }

        simulator.notificationStyle(NotificationStyle.defaults());
        SignOuts.signOut(simulator, "A", "1001", "req-escaped-" + tls);
        for (HeardMessages side : heard) {
            String message = side.about("1001", "<state>LOGOUT</state>", SECONDS);
            assertNotNull(message, "no notification for 1001 on " + sideOf(side, heard));
            assertTrue(message.contains("&lt;Update"), "escaped text: " + message);
            assertSignedOut(message, "1001", "req-escaped-" + tls);
        }

        simulator.notificationStyle(new NotificationStyle(true, null, null, null, null, null, null, null, null));
        SignOuts.signOut(simulator, "B", "1002", "req-elements-" + tls);
        for (HeardMessages side : heard) {
            String message = side.about("1002", "<state>LOGOUT</state>", SECONDS);
            assertNotNull(message, "no notification for 1002 on " + sideOf(side, heard));
            assertTrue(message.contains("<Update>"), "child elements: " + message);
            assertSignedOut(message, "1002", "req-elements-" + tls);
        }

        for (int i = 0; i < supervisors.size(); i++) { // as the contract asks, or the subscription stays behind
            XMPPTCPConnection supervisor = supervisors.get(i);
            String side = i == 0 ? "A" : "B";
            XmppClients.pubsub(supervisor, simulator).getNode(TEAM_7).unsubscribe(supervisor.getUser().toString());
            assertFalse(simulator.subscribers(side, TEAM_7).contains(supervisor.getUser().toString()),
                    "Prosody " + side + " still holds the subscription: " + simulator.subscribers(side, TEAM_7));
        }
    }

    @org.junit.jupiter.api.Test
    void everyUserIsSubscribedToItsOwnNodeOnBothSidesByTheSimulator() throws Exception {
        simulator = servers.startSimulator(XmppTlsMode.STARTTLS,
                Files.createTempDirectory("prosody-it").resolve("truststore.p12"));
        List<HeardMessages> heard = new ArrayList<>();
        for (String side : List.of("A", "B")) {
            assertTrue(simulator.subscribers(side, "/finesse/api/User/1003").contains("1003@" + servers.domain()),
                    side + ": " + simulator.subscribers(side, "/finesse/api/User/1003"));
            XMPPTCPConnection agent = servers.connect(side, XmppTlsMode.STARTTLS, "1003", "agent-1003");
            sessions.add(agent);
            heard.add(HeardMessages.of(agent));
            // Prosody sends a bare JID's headlines only to sessions that announced presence, which Smack sends after
            // login on its writer thread: a ping answered on the same stream means the server has handled it
            assertTrue(PingManager.getInstanceFor(agent).pingMyServer(), "no answer to a ping on side " + side);
        }
        simulator.directory().setState("1003", "NOT_READY");
        for (HeardMessages side : heard) {
            String message = side.about("1003", "NOT_READY", SECONDS);
            assertNotNull(message, "the agent heard nothing on " + sideOf(side, heard));
            assertEquals("/finesse/api/User/1003", XML.readNotification(message).node());
        }
    }

    @ParameterizedTest
    @EnumSource(XmppTlsMode.class)
    void aClientThatDoesNotTrustTheCertificateIsRefused(XmppTlsMode tls) throws Exception {
        // the JVM's own trust: the self-signed certificate is not in it
        Exception refused = assertThrows(Exception.class, () -> servers.connect("A", tls, SUPERVISOR,
                SUPERVISOR_PASSWORD, defaultTrust()).instantShutdown());
        assertTrue(messages(refused).contains("PKIX path building failed"), messages(refused));
        // and with the right trust store, the same login goes through: the refusal was the certificate's
        session("A", tls);
    }

    @org.junit.jupiter.api.Test
    void aDirectTlsClientChecksThatTheCertificateNamesTheDomainItExpects() throws Exception {
        XMPPTCPConnection elsewhere = new XMPPTCPConnection(XmppClientSettings.directTls("other.example.com",
                servers.host(), servers.port("A", XmppTlsMode.DIRECT), servers.trust())
                .setUsernameAndPassword(SUPERVISOR, SUPERVISOR_PASSWORD).build());
        Exception refused = assertThrows(Exception.class, elsewhere::connect);
        elsewhere.instantShutdown();
        assertTrue(messages(refused).contains("does not name other.example.com"), messages(refused));
    }

    @ParameterizedTest
    @EnumSource(XmppTlsMode.class)
    void theSimulatorCannotStopAnExternalServerAndSaysSo(XmppTlsMode tls) throws Exception {
        simulator = servers.startSimulator(tls, Files.createTempDirectory("prosody-it").resolve("truststore.p12"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> simulator.stopNotifications("A"));
        assertTrue(refused.getMessage().contains("external XMPP server"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> simulator.interruptNotifications(Duration.ofSeconds(1)));
        assertEquals(servers.port("B", tls), simulator.xmppPort("B"));
        assertFalse(simulator.notificationsDown("B"), "the publisher is logged in to B");
    }

    /** A supervisor session on that side's Prosody, trusting the generated trust store, closed after the test. */
    private XMPPTCPConnection session(String side, XmppTlsMode tls) throws Exception {
        XMPPTCPConnection session = servers.connect(side, tls, SUPERVISOR, SUPERVISOR_PASSWORD);
        sessions.add(session);
        return session;
    }

    private void assertSignedOut(String message, String userId, String requestId) {
        Notification notification = XML.readNotification(message);
        assertEquals("pubsub." + servers.domain(), notification.from());
        assertEquals(TEAM_7, notification.node());
        Update update = notification.update();
        assertEquals(userId, update.user().getLoginId());
        assertTrue(update.user().isSignedOut());
        assertEquals(requestId, update.getRequestId());
    }

    private static String sideOf(HeardMessages side, List<HeardMessages> heard) {
        return heard.indexOf(side) == 0 ? "side A" : "side B";
    }

    /** Every message of the exception and its causes: Smack puts the handshake's failure in one or the other. */
    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }

    private static X509TrustManager defaultTrust() throws Exception {
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
