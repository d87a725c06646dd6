package dev.finessesignout;

import static dev.finessesignout.signout.FinesseSides.otherThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover of notifications: the listener is on one node at a time, the node the REST calls use. When the node's
 * notification service dies in the middle of a batch, or the node stops answering REST calls, the listener and the
 * REST calls move to the other side together, the listener subscribes there again, and every request is resolved.
 */
class NotificationFailoverTest extends ConfirmationTestSupport {
    private static final String TEAM_NODE = "/finesse/api/Team/7/Users";
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("confirm.notification-wait", "2000");
        properties.put("confirm.listener.failover-after", "3000");
        properties.put("finesse.side-check-interval", "500");
    }

    /** The bundle lives as long as the class: each test starts on the side the one before left it on. */
    @AfterEach
    void notificationServicesBack() {
        for (String side : List.of("A", "B")) {
            if (SIMULATOR.notificationsDown(side)) {
                SIMULATOR.resumeNotifications(side);
            }
        }
    }

    @Test
    void aNotificationServiceDyingMidBatchMovesTheListenerAndTheRestCallsToTheOtherSide() throws Exception {
        String from = notificationSession().listeningSide();
        String to = otherThan(from);
        SIMULATOR.side(from).faults().latency(Duration.ofMillis(400)); // spread the batch over the failover
        List<String> batch = List.of("1001", "1002", "1004", "1005", "1007", "1008", "1009", "1010", "1011");
        dropFile("failover.csv", String.join("\n", batch) + "\n");
        awaitAudit(1, 30);
        SIMULATOR.stopNotifications(from);

        List<JsonNode> records = awaitAudit(batch.size(), 120);
        for (String user : batch) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        }
        assertEquals(batch.size(), records.size(), records.toString());
        await(() -> to.equals(notificationSession().listeningSide()) && notificationSession().isListening(), "the listener is on side " + to);
        assertEquals(1, listenerSubscriptions(to), "subscribed again on side " + to);
        assertTrue(LOG.text().contains("move to side " + to + ": the notification service of side " + from
                + " has not let the listener in"), "the move and its reason are logged");

        emptyAuditFolder();
        dropFile("after.csv", "1006\n");
        JsonNode after = recordOf(awaitAudit(1), "1006");
        assertEquals("NOTIFICATION_REQUEST_ID", after.path("confirmedBy").asText(), "heard on side " + to + ": " + after);
        assertEquals(to, after.path("finesseNode").asText(), "REST calls moved with the listener: " + after);
        assertEquals(0, SIMULATOR.side(from).calls("PUT", "/finesse/api/User/1006"));
    }

    @Test
    void aSideOutOfServiceForRestCallsTakesTheListenerToTheOtherSide() throws Exception {
        String from = notificationSession().listeningSide();
        String to = otherThan(from);
        assertEquals(1, listenerSubscriptions(from));
        SIMULATOR.side(from).faults().unavailableFor(Duration.ofMinutes(5)); // 503, SystemInfo OUT_OF_SERVICE
        dropFile("out-of-service.csv", "1001\n");
        JsonNode first = recordOf(awaitAudit(1), "1001");
        assertEquals("CONFIRMED", first.path("outcome").asText(), first.toString());
        assertEquals(to, first.path("finesseNode").asText(), first.toString());

        await(() -> to.equals(notificationSession().listeningSide()) && notificationSession().isListening(), "the listener is on side " + to);
        assertEquals(1, listenerSubscriptions(to), "subscribed on side " + to);
        assertEquals(0, listenerSubscriptions(from), "no subscription left behind on side " + from);

        emptyAuditFolder();
        dropFile("next.csv", "1002\n");
        JsonNode next = recordOf(awaitAudit(1), "1002");
        assertEquals("NOTIFICATION_REQUEST_ID", next.path("confirmedBy").asText(), "heard on side " + to + ": " + next);
        assertEquals(to, next.path("finesseNode").asText());
    }

    /** The service account's subscriptions to team 7's node on that side's notification service. */
    private static long listenerSubscriptions(String side) {
        return SIMULATOR.subscribers(side, TEAM_NODE).stream().filter(jid -> jid.startsWith("svc-signout@")).count();
    }
}
