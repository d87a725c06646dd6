package dev.finessesignout;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.SimulatorSetup.AlreadySignedOut;
import dev.finessesignout.simulator.SimulatorSetup.ReasonCodeRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 500, 503 and dead nodes: retried with back-off, moved to the other side, and FAILED only when nothing answers. */
class RetryAndFailoverTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("camel.component.https.response-timeout", "1500");
        // retries span about 3 s: a 503 window of 1.5 s is open when a request arrives and closed before they end
        properties.put("finesse.retry.maximum-redeliveries", "10");
    }

    @Test
    void a503WindowOnBothSidesIsWaitedOutThenTheSignOutSucceeds() {
        for (var side : SIMULATOR.sides()) {
            side.faults().unavailableFor(Duration.ofMillis(1500));
        }
        dropFile("window.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("attempts").asInt() > 1, "retried through the window: " + record);
        assertEquals("LOGOUT", SIMULATOR.directory().state("1001"));
    }

    @Test
    void serverErrorsAreRetriedOnTheSameNode() {
        String inUse = sideInUse("1001");
        SIMULATOR.side(inUse).faults().serverErrors(2);
        dropFile("flaky.csv", "1002\n");
        JsonNode record = recordOf(awaitAudit(2), "1002");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals(3, record.path("attempts").asInt());
        assertEquals(inUse, record.path("finesseNode").asText());
        assertEquals(0, SIMULATOR.side(otherSide(inUse)).calls("PUT", "/finesse/api/User/1002"),
                "a 500 is not a reason to change node");
    }

    @Test
    void aDeadSideAHandsOverToSideBAndWorkStaysThere() throws Exception {
        SIMULATOR.side("A").refuseConnections(true);
        dropFile("dead-a.csv", "1001\n1002\n1003\n");
        List<JsonNode> records = awaitAudit(3);
        for (String id : List.of("1001", "1002", "1003")) {
            JsonNode record = recordOf(records, id);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
            assertEquals("B", record.path("finesseNode").asText());
        }

        // side A is back, but B is healthy: the next requests stay on B
        SIMULATOR.side("A").refuseConnections(false);
        dropFile("after.csv", "1004\n1005\n");
        records = awaitAudit(5);
        assertEquals("B", recordOf(records, "1004").path("finesseNode").asText());
        assertEquals("B", recordOf(records, "1005").path("finesseNode").asText());
        assertEquals(0, SIMULATOR.side("A").totalCalls());
    }

    /** The side the sticky balancer uses now: the one that answers a probe request. */
    private static String sideInUse(String probeUser) {
        dropFile("probe.csv", probeUser + "\n");
        return recordOf(awaitAudit(1), probeUser).path("finesseNode").asText();
    }

    private static String otherSide(String side) {
        return "A".equals(side) ? "B" : "A";
    }

    @Test
    void theSideInUseAnswering503HandsOverToTheOtherSide() {
        String inUse = sideInUse("1005");
        handedOver(() -> SIMULATOR.side(inUse).faults().unavailableFor(Duration.ofMinutes(5)), inUse, "1006");
        assertEquals(1, SIMULATOR.side(inUse).calls("PUT", "/finesse/api/User/1006"), "tried first, answered 503");
    }

    /** With the fault on the side in use, the user's sign-out is confirmed through the other side. */
    private static JsonNode handedOver(Runnable fault, String inUse, String user) {
        fault.run();
        dropFile("handed-over-" + user + ".csv", user + "\n");
        JsonNode record = recordOf(awaitAudit(2), user);
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals(otherSide(inUse), record.path("finesseNode").asText());
        return record;
    }

    @Test
    void whenNeitherSideAnswersTheRequestFailsAfterTheRetries() throws Exception {
        SIMULATOR.side("A").refuseConnections(true);
        SIMULATOR.side("B").refuseConnections(true);
        dropFile("all-dead.csv", "1007\n");
        JsonNode record = recordOf(awaitAudit(1), "1007");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        // refused connections are not counted; a request written onto a pooled connection the node had closed is
        String detail = record.path("detail").asText();
        assertTrue(detail.contains("did not answer"), detail);
        assertTrue(record.path("attempts").asInt() < 12, record.toString());
        assertEquals("NOT_READY", SIMULATOR.directory().state("1007"));
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeHandsOverToTheOtherSide() {
        String inUse = sideInUse("1008");
        JsonNode record = handedOver(() -> SIMULATOR.side(inUse).faults().latency(Duration.ofMillis(4000)), inUse,
                "1009");
        assertEquals(2, record.path("attempts").asInt(), "the timed-out call may have reached Finesse: it counts");
    }

    @Test
    void theOtherSpellingsOf500And503AreRetriedAlike() throws Exception {
        SIMULATOR.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.NONE, true);
        String inUse = sideInUse("1009");

        SIMULATOR.side(inUse).faults().serverErrors(1); // RUNTIME_EXCEPTION: retried on the same node
        dropFile("spelling-500.csv", "1010\n");
        JsonNode retried = recordOf(awaitAudit(2), "1010");
        assertEquals("CONFIRMED", retried.path("outcome").asText(), retried.toString());
        assertEquals(2, retried.path("attempts").asInt());
        assertEquals(inUse, retried.path("finesseNode").asText());

        SIMULATOR.side(inUse).faults().unavailableFor(Duration.ofMinutes(5)); // SERVER_OUT_OF_SERVICE: other node
        dropFile("spelling-503.csv", "1011\n");
        JsonNode movedOn = recordOf(awaitAudit(3), "1011");
        assertEquals("CONFIRMED", movedOn.path("outcome").asText(), movedOn.toString());
        assertEquals(otherSide(inUse), movedOn.path("finesseNode").asText());
    }
}
