package dev.finessesignout;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.confirm.AwaitedUsers;
import dev.finessesignout.confirm.NotificationEvidence;
import org.apache.camel.spi.AggregationRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A busy team: 10,000 state changes of other agents reach the listener while two sign-outs wait. The unrelated ones
 * are dropped at once; nothing of them stays in the aggregator, and the two sign-outs are proven by their own
 * notifications.
 */
class UnrelatedTrafficTest extends ConfirmationTestSupport {
    private static final int CHANGES = 10_000;

    @Override
    protected void overrideProperties(Properties properties) {
        // the two notifications queue behind the traffic in the simulator: give them time instead of polling
        properties.put("confirm.notification-wait", "120000");
    }

    @Test
    void tenThousandUnrelatedNotificationsLeaveNothingBehind() {
        NotificationEvidence listener = bean("notificationEvidence", NotificationEvidence.class);
        long heardBefore = listener.heard();
        dropFile("busy.csv", "1009\n1011\n");
        assertEquals(CHANGES, SIMULATOR.traffic("7", CHANGES, Set.of()));

        List<JsonNode> records = awaitAudit(2, 300);
        for (String user : List.of("1009", "1011")) {
            JsonNode record = recordOf(records, user);
            assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText(), record.toString());
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (listener.heard() - heardBefore < CHANGES && System.nanoTime() < deadline) {
            pause(100);
        }
        assertTrue(listener.heard() - heardBefore >= CHANGES + 2, "heard " + (listener.heard() - heardBefore));
        assertEquals(2, listener.kept(), "only the two sign-outs became evidence");
        assertEquals(0, bean("confirmationRepository", AggregationRepository.class).getKeys().size(),
                "no group left in the aggregator");
        assertEquals(0, bean("awaitedUsers", AwaitedUsers.class).size(), "no user still awaited");
    }

    private <T> T bean(String name, Class<T> type) {
        return context.getRegistry().lookupByNameAndType(name, type);
    }
}
