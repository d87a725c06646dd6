package dev.finessesignout;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener's session: which teams it watches, what happens to sign-outs it cannot hear, and a stop and start of
 * the listener route (it unsubscribes on the way out and subscribes again when it is back).
 */
class ListenerSessionTest extends ConfirmationTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("confirm.listener.teams", "8");
        properties.put("confirm.notification-wait", "1500");
    }

    @Test
    void aUserOnATeamThatIsNotWatchedIsConfirmedByPollAndTheRecordSaysWhy() {
        dropFile("unwatched.csv", "1001\n1009\n");
        var records = awaitAudit(2);
        JsonNode unwatched = recordOf(records, "1001");
        assertEquals("POLL", unwatched.path("confirmedBy").asText(), unwatched.toString());
        assertTrue(unwatched.path("detail").asText().contains("team 7, whose notifications the listener does not watch"),
                unwatched.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", recordOf(records, "1009").path("confirmedBy").asText());
    }

    @Test
    void aStoppedListenerLeavesSignOutsToThePollAndListensAgainWhenStarted() throws Exception {
        context.getRouteController().stopRoute("notification-listener");
        dropFile("deaf.csv", "1010\n");
        JsonNode deaf = recordOf(awaitAudit(1), "1010");
        assertEquals("POLL", deaf.path("confirmedBy").asText(), deaf.toString());
        assertTrue(deaf.path("detail").asText().contains("notification service was not connected"), deaf.toString());

        context.getRouteController().startRoute("notification-listener");
        awaitListening();
        emptyAuditFolder();
        dropFile("hearing.csv", "1011\n");
        JsonNode heard = recordOf(awaitAudit(1), "1011");
        assertEquals("NOTIFICATION_REQUEST_ID", heard.path("confirmedBy").asText(), heard.toString());
    }
}
