package dev.finessesignout;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The XMPP server goes away in the middle of a batch (every session cut, connections refused, client subscriptions
 * gone, as after a restart) and comes back: every request still gets its final outcome, and the listener ends up
 * logged in, subscribed again and hearing.
 */
class NotificationOutageTest extends ConfirmationTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("confirm.notification-wait", "2000");
    }

    @Test
    void aRestartOfTheXmppServerMidBatchLeavesNoRequestUnresolvedAndTheListenerHearsAgain() throws Exception {
        SIMULATOR.side("A").faults().latency(Duration.ofMillis(400)); // spread the batch over the outage
        List<String> batch = List.of("1001", "1002", "1004", "1005", "1007", "1008", "1009", "1010", "1011");
        dropFile("outage.csv", String.join("\n", batch) + "\n");
        pause(1000);
        SIMULATOR.interruptNotifications(Duration.ofSeconds(3));

        List<JsonNode> records = awaitAudit(batch.size(), 120);
        for (String user : batch) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        }
        assertEquals(batch.size(), records.size(), records.toString());

        // subscribed again on the server (a cut the client has not noticed yet shows up at its next ping)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (SIMULATOR.subscribers("/finesse/api/Team/7/Users").isEmpty() && System.nanoTime() < deadline) {
            pause(100);
        }
        awaitListening();
        emptyAuditFolder();
        SIMULATOR.side("A").faults().latency(Duration.ZERO);
        dropFile("after.csv", "1006\n");
        JsonNode after = recordOf(awaitAudit(1), "1006");
        assertEquals("NOTIFICATION_REQUEST_ID", after.path("confirmedBy").asText(), "hearing again: " + after);
    }
}
