package dev.finessesignout;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 500, 503 and dead nodes: retried with back-off, moved to the other side, and FAILED only when nothing answers. */
class RetryAndFailoverTest extends SignoutTestSupport {

    @Test
    void a503WindowOnBothSidesIsWaitedOutThenTheSignOutSucceeds() {
        for (var side : SIMULATOR.sides()) {
            side.faults().unavailableFor(Duration.ofMillis(500));
        }
        dropFile("window.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("ACCEPTED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("attempts").asInt() > 2, "retried through the window: " + record);
        assertEquals("LOGOUT", SIMULATOR.directory().state("1001"));
    }

    @Test
    void serverErrorsAreRetriedOnTheSameNode() {
        SIMULATOR.side("A").faults().serverErrors(2);
        dropFile("flaky.csv", "1002\n");
        JsonNode record = recordOf(awaitAudit(1), "1002");
        assertEquals("ACCEPTED", record.path("outcome").asText(), record.toString());
        assertEquals(3, record.path("attempts").asInt());
        assertEquals("A", record.path("finesseNode").asText());
        assertEquals(0, SIMULATOR.side("B").totalCalls(), "a 500 is not a reason to change node");
    }

    @Test
    void aDeadSideAHandsOverToSideBAndWorkStaysThere() throws Exception {
        SIMULATOR.side("A").refuseConnections(true);
        dropFile("dead-a.csv", "1001\n1002\n1003\n");
        List<JsonNode> records = awaitAudit(3);
        for (String id : List.of("1001", "1002", "1003")) {
            JsonNode record = recordOf(records, id);
            assertEquals("ACCEPTED", record.path("outcome").asText(), record.toString());
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

    @Test
    void theSideInUseAnswering503HandsOverToTheOtherSide() {
        dropFile("probe.csv", "1005\n");
        String inUse = recordOf(awaitAudit(1), "1005").path("finesseNode").asText();
        String other = "A".equals(inUse) ? "B" : "A";

        SIMULATOR.side(inUse).faults().unavailableFor(Duration.ofMinutes(5));
        dropFile("in-use-503.csv", "1006\n");
        JsonNode record = recordOf(awaitAudit(2), "1006");
        assertEquals("ACCEPTED", record.path("outcome").asText(), record.toString());
        assertEquals(other, record.path("finesseNode").asText());
        assertEquals(1, SIMULATOR.side(inUse).calls("PUT", "/finesse/api/User/1006"), "tried first, answered 503");
    }

    @Test
    void whenNeitherSideAnswersTheRequestFailsAfterTheRetries() throws Exception {
        SIMULATOR.side("A").refuseConnections(true);
        SIMULATOR.side("B").refuseConnections(true);
        dropFile("all-dead.csv", "1007\n");
        JsonNode record = recordOf(awaitAudit(1), "1007");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        // the first try and 5 redeliveries, each on both sides
        assertEquals(12, record.path("attempts").asInt());
        assertTrue(record.path("detail").asText().contains("did not answer"), record.toString());
        assertEquals("NOT_READY", SIMULATOR.directory().state("1007"));
    }
}
