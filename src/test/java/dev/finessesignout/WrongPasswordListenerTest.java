package dev.finessesignout;

import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong service password with the notification listener on: the XMPP login is refused, the bundle keeps running,
 * and the refusal stops every REST call too (both logins count towards Finesse's lock-out). The password is logged
 * nowhere.
 */
class WrongPasswordListenerTest extends ConfirmationTestSupport {
    private static final String WRONG_PASSWORD = TestSecrets.WRONG_LISTENER_PASSWORD;
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.password", WRONG_PASSWORD);
    }

    @Override
    protected boolean listens() {
        return false;
    }

    @Test
    void aRefusedXmppLoginStopsEveryCallAndTheBundleGoesOn() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!LOG.text().contains("refused the credentials") && System.nanoTime() < deadline) {
            pause(100);
        }
        assertTrue(context.isStarted(), "the bundle runs");
        dropFile("shift.csv", "1001\n1002\n");
        List<JsonNode> records = awaitAudit(2);
        for (JsonNode record : records) {
            assertEquals("FAILED", record.path("outcome").asText(), record.toString());
            assertTrue(record.path("detail").asText().startsWith("not sent: the XMPP notification service"),
                    record.toString());
        }
        assertEquals(0, SIMULATOR.signOutCalls("1001") + SIMULATOR.signOutCalls("1002"));
        assertEquals(0, SIMULATOR.directory().describe("svc-signout").get("failedLogins"), "no REST call was made");
        pause(3000); // camel-xmpp's reconnection attempts (every second here) must not log in again
        String logged = LOG.text();
        assertEquals(1, count(logged, "CredentialsGuard the XMPP notification service"), "one refused login: " + logged);
        assertTrue(count(logged, "Not logging in to the XMPP notification service") >= 1,
                "the reconnections that followed did not try the password again: " + logged);
        assertFalse(logged.contains(WRONG_PASSWORD), "the password reached the log");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
