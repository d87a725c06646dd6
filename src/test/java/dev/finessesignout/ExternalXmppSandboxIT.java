package dev.finessesignout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.ProsodyServers;
import dev.finessesignout.tls.XmppTlsMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox with its simulator in external mode, configured as a user would through application.properties: the
 * simulator publishes through Prosody A and B (its password never logged), the trust store it writes
 * also trusts Prosody's certificate, and the bundle's listener, logged in to Prosody A, proves a sign-out by its
 * notification.
 */
class ExternalXmppSandboxIT extends BundleTestSupport {
    private static final CapturedLog LOG = CapturedLog.attach();
    private static final ProsodyServers SERVERS = ProsodyServers.fromSystemProperties().requireRunning();

    @Override
    protected Properties baseProperties() {
        Properties properties = folderProperties();
        int sideAHttps = freePort();
        int sideBHttps = freePort();
        properties.put("simulator.side-a.http-port", "-1");
        properties.put("simulator.side-b.http-port", "-1");
        properties.put("simulator.side-a.https-port", String.valueOf(sideAHttps));
        properties.put("simulator.side-b.https-port", String.valueOf(sideBHttps));
        properties.put("simulator.admin-port", "-1");
        properties.put("simulator.trust-store", ROOT.resolve("data/simulator/truststore.p12").toString());
        properties.put("finesse.side-a.url", "https://127.0.0.1:" + sideAHttps);
        properties.put("finesse.side-b.url", "https://127.0.0.1:" + sideBHttps);
        properties.put("sandbox.copy-sample", "false");
        properties.put("signout.self.users", "");
        properties.put("simulator.xmpp.server", "external");
        properties.put("simulator.side-a.xmpp-port", String.valueOf(SERVERS.port("A", XmppTlsMode.STARTTLS)));
        properties.put("simulator.side-b.xmpp-port", String.valueOf(SERVERS.port("B", XmppTlsMode.STARTTLS)));
        properties.put("simulator.xmpp.publisher", SERVERS.publisher());
        // the password itself, not a reference: Camel's settings summary must mask it
        properties.put("simulator.xmpp.publisher.password", SERVERS.publisherPassword());
        properties.put("simulator.xmpp.tls", "starttls");
        properties.put("simulator.xmpp.trust-store", SERVERS.trustStore().toString());
        properties.put("simulator.xmpp.trust-store-password", SERVERS.trustStorePassword());
        return properties;
    }

    @Test
    void aSignOutIsProvenByItsNotificationThroughProsody() {
        awaitListening();
        dropFile("external.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText(), record.toString());
        String prosodyA = "127.0.0.1:" + SERVERS.port("A", XmppTlsMode.STARTTLS) + " (STARTTLS, external)";
        assertTrue(LOG.text().contains(prosodyA),
                "the banner names Prosody A");
        assertFalse(LOG.text().contains(SERVERS.publisherPassword()), "the publisher's password was logged");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
