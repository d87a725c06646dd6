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
        // the lab's file (the other test) may be in the same audit file
        expected.keySet().forEach(SandboxTest::awaitRecordOf);
        List<JsonNode> records = readAudit();
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

        String summary = Files.readString(workDir("done").resolve(awaitSummaryOf("end-of-shift")));
        assertTrue(summary.contains("requests: 9") && summary.contains("CONFIRMED          5")
                && summary.contains("Not signed out (3)"), summary);
    }

    /** The README's walk through the DevNet lab's step 13: SupervisorA signed out with its own credentials. */
    @Test
    void theLabsSupervisorASignsItselfOut() {
        dropFile("lab.csv", "SupervisorA\n");
        JsonNode record = awaitRecordOf("SupervisorA");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText(), record.toString());
        assertEquals("SupervisorA", record.path("actingAccount").asText());
        assertEquals(202, record.path("httpStatus").asInt());
        // what the sandbox's Finesse received, not only what the bundle says it chose
        var simulator = context.hasService(dev.finessesignout.simulator.FinesseSimulator.class);
        assertEquals(List.of("SupervisorA"), simulator.sides().stream().flatMap(side -> side.recentCalls().stream())
                .filter(call -> call.method().equals("PUT") && call.path().equals("/finesse/api/User/SupervisorA"))
                .map(call -> call.account()).toList(), "sent with its own credentials");
    }

    private static String awaitSummaryOf(String file) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var found = fileNames(workDir("done")).stream()
                    .filter(name -> name.startsWith(file) && name.endsWith(".summary.txt")).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause(50);
        }
        throw new AssertionError("no summary of " + file + " in " + fileNames(workDir("done")));
    }

    private static JsonNode awaitRecordOf(String user) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var found = readAudit().stream().filter(r -> user.equals(r.path("userId").asText())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause(50);
        }
        throw new AssertionError("no audit record for " + user);
    }
}
