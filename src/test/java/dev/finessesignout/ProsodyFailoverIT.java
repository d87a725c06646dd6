package dev.finessesignout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.FinesseSimulator;
import dev.finessesignout.simulator.ProsodyServers;
import dev.finessesignout.tls.XmppTlsMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The listener against a real XMPP server nobody here wrote: Debian's Prosody as side A's and side B's notification
 * service, reached over XMPP over TLS (direct, as Finesse's port 5223) with certificate and host name verified, the
 * simulator publishing through both. Prosody A is killed in the middle of a batch: the listener and the REST calls
 * move to side B, the listener subscribes there, and every request is confirmed.
 */
class ProsodyFailoverIT extends BundleTestSupport {
    private static final ProsodyServers SERVERS = ProsodyServers.fromSystemProperties();
    private static final FinesseSimulator SIMULATOR = SERVERS.startSimulator(XmppTlsMode.STARTTLS,
            ROOT.resolve("data/simulator/truststore.p12"));
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected Properties baseProperties() {
        // the simulator's trust store holds its HTTPS certificate and Prosody's
        Properties properties = confirmationProperties(SIMULATOR);
        properties.put("finesse.xmpp.tls", "direct");
        for (String side : List.of("A", "B")) {
            String key = "finesse.side-" + side.toLowerCase() + ".xmpp-";
            properties.put(key + "host", SERVERS.host());
            properties.put(key + "port", String.valueOf(SERVERS.port(side, XmppTlsMode.DIRECT)));
        }
        properties.put("finesse.xmpp.domain", SERVERS.domain());
        properties.put("confirm.notification-wait", "2000");
        properties.put("confirm.listener.failover-after", "3000");
        properties.put("finesse.side-check-interval", "500");
        return properties;
    }

    @AfterAll
    static void prosodyABack() throws Exception {
        SIMULATOR.stop();
        SERVERS.start("A"); // for the integration tests after this one
    }

    @Test
    void killingProsodyAMidBatchMovesTheListenerAndTheRestCallsToSideB() throws Exception {
        await(() -> "A".equals(notificationSession().listeningSide()) && notificationSession().isListening(), "listening on Prosody A");
        SIMULATOR.directory().callEnd(Duration.ZERO); // an agent on a call is signed out at once here
        SIMULATOR.side("A").faults().latency(Duration.ofMillis(400)); // spread the batch over the failover
        List<String> batch = List.of("1001", "1002", "1004", "1005", "1007", "1008", "1009", "1010", "1011");
        dropFile("prosody-failover.csv", String.join("\n", batch) + "\n");
        JsonNode first = awaitAudit(1, 60).get(0);
        assertEquals("NOTIFICATION_REQUEST_ID", first.path("confirmedBy").asText(), "heard through Prosody A over "
                + "direct TLS: " + first);
        SERVERS.kill("A");

        List<JsonNode> records = awaitAudit(batch.size(), 120);
        for (String user : batch) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        }
        assertEquals(batch.size(), records.size(), records.toString());
        await(() -> "B".equals(notificationSession().listeningSide()) && notificationSession().isListening(), "listening on Prosody B");
        assertTrue(LOG.text().contains("move to side B: the notification service of side A has not let the listener "
                + "in"), "the move and its reason are logged");

        emptyAuditFolder();
        dropFile("after.csv", "1006\n");
        JsonNode after = recordOf(awaitAudit(1, 60), "1006");
        assertEquals("NOTIFICATION_REQUEST_ID", after.path("confirmedBy").asText(), "heard through Prosody B: " + after);
        assertEquals("B", after.path("finesseNode").asText(), "REST calls moved with the listener: " + after);
    }
}
