package dev.finessesignout;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox as the README's first command runs it: application.properties as shipped (its own simulator on the
 * default ports, the sample file copied into the inbox), only the folders moved to a temporary directory.
 */
class SandboxTest extends BundleTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("simulator.trust-store", ROOT.resolve("data/sandbox/truststore.p12").toString());
    }

    /** Sign-outs are proven by the simulator's XMPP notifications; 1003 is on a call until the call ends (8 s). */
    @Test
    void theSampleFileIsSignedOutWithEveryOutcomeProven() throws Exception {
        Map<String, String> expected = Map.of("1001", "CONFIRMED", "1002", "CONFIRMED", "1003", "CONFIRMED",
                "1004", "CONFIRMED", "1005", "CONFIRMED", "1012", "ALREADY_SIGNED_OUT", "9999", "REJECTED",
                "2001", "REJECTED", "10/../1001", "INVALID_REQUEST");
        List<JsonNode> records = awaitAudit(expected.size());
        expected.forEach((user, outcome) -> assertEquals(outcome, recordOf(records, user).path("outcome").asText(), user));
        for (String user : List.of("1001", "1002", "1004", "1005")) {
            assertEquals("NOTIFICATION_REQUEST_ID", recordOf(records, user).path("confirmedBy").asText(), user);
        }
        // the LOGOUT at the end of the call is Finesse's own change: it names no request
        JsonNode onACall = recordOf(records, "1003");
        assertEquals("NOTIFICATION_STATE_TIME", onACall.path("confirmedBy").asText());
        assertTrue(onACall.hasNonNull("pendingSince"), onACall.toString());
        assertTrue(onACall.path("confirmationMillis").asLong() >= 7000, onACall.toString());
        assertEquals("12", recordOf(records, "1005").path("reasonCodeId").asText());

        List<String> done = awaitFiles(workDir("done"), 2);
        String summary = Files.readString(workDir("done").resolve(done.stream()
                .filter(name -> name.endsWith(".summary.txt")).findFirst().orElseThrow()));
        assertTrue(summary.contains("requests: 9") && summary.contains("CONFIRMED          5")
                && summary.contains("Not signed out (3)"), summary);
    }
}
