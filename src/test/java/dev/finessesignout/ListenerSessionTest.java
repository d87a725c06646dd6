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
    private static final String TEAM_8 = "/finesse/api/Team/8/Users";

    private static long serviceSubscriptions(String team) {
        return SIMULATOR.subscribers("/finesse/api/Team/" + team + "/Users").stream()
                .filter(jid -> jid.startsWith("svc-signout@")).count();
    }

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
        assertEquals(1, serviceSubscriptions("8"), SIMULATOR.subscribers(TEAM_8).toString());
        assertEquals(0, serviceSubscriptions("7"), "team 7 is not watched here");
        context.getRouteController().stopRoute("notification-listener-A");
        assertEquals(0, serviceSubscriptions("8"), "unsubscribed on the way out: " + SIMULATOR.subscribers(TEAM_8));
        dropFile("deaf.csv", "1010\n");
        JsonNode deaf = recordOf(awaitAudit(1), "1010");
        assertEquals("POLL", deaf.path("confirmedBy").asText(), deaf.toString());
        assertTrue(deaf.path("detail").asText().contains("notification service was not connected"), deaf.toString());

        context.getRouteController().startRoute("notification-listener-A");
        awaitListening();
        assertEquals(1, serviceSubscriptions("8"), "subscribed again, once: " + SIMULATOR.subscribers(TEAM_8));
        emptyAuditFolder();
        dropFile("hearing.csv", "1011\n");
        JsonNode heard = recordOf(awaitAudit(1), "1011");
        assertEquals("NOTIFICATION_REQUEST_ID", heard.path("confirmedBy").asText(), heard.toString());
    }
}
