package dev.finessesignout;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.SimulatedSide.ReceivedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * signout.self.not-ready-first=true: an agent that signs itself out from READY is first set NOT_READY with the
 * configured reason code, then signed out; a supervisor, or an agent on a call, is never changed. No listener here:
 * each sign-out is proven by GET User.
 */
class SelfSignoutNotReadyFirstTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("signout.self.users", "1004, 1003, SupervisorA");
        properties.put("signout.self.1004.password", "agent-1004");
        properties.put("signout.self.1003.password", "agent-1003");
        properties.put("signout.self.not-ready-first", "true");
        properties.put("signout.self.not-ready-reason-code-id", "21");
    }

    @Test
    void anAgentInReadyIsSetNotReadyWithTheReasonCodeThenSignedOut() {
        dropFile("ready.csv", "1004\n");
        JsonNode record = recordOf(awaitAudit(1), "1004");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("1004", record.path("actingAccount").asText());
        assertEquals(202, record.path("httpStatus").asInt(), "the record names the last LOGOUT's answer");
        assertEquals(2, record.path("attempts").asInt(), "the LOGOUT Finesse refused, and the one after NOT_READY");
        Instant notReadyAt = Instant.parse(record.path("notReadyAt").asText());
        assertTrue(!notReadyAt.isBefore(Instant.parse(record.path("sentAt").asText()))
                && !notReadyAt.isAfter(Instant.parse(record.path("answeredAt").asText())), record.toString());
        assertEquals("LOGOUT", SIMULATOR.directory().state("1004"));

        List<ReceivedCall> calls = callsFor("1004");
        // LOGOUT (refused), GET User (READY), NOT_READY, GET User (NOT_READY), LOGOUT, GET User (the proof: no listener)
        assertEquals(List.of("PUT", "GET", "PUT", "GET", "PUT", "GET"), calls.stream().map(ReceivedCall::method).toList());
        calls.forEach(call -> assertEquals("1004", call.account(), "every call with the agent's own credentials"));
        String requestId = record.path("requestId").asText();
        ReceivedCall notReady = calls.get(2);
        assertEquals("<User><state>NOT_READY</state><reasonCodeId>21</reasonCodeId></User>", notReady.body());
        assertEquals(requestId + "-not-ready", notReady.requestId(), "its own requestId, never the sign-out's");
        assertEquals(requestId, calls.get(4).requestId());
        assertTrue(calls.get(4).body().contains("<state>LOGOUT</state>"), calls.get(4).body());
    }

    @Test
    void aSupervisorSignsItselfOutFromReadyAsItIs() {
        SIMULATOR.directory().setState("SupervisorA", "READY");
        dropFile("supervisor.csv", "SupervisorA\n");
        JsonNode record = recordOf(awaitAudit(1), "SupervisorA");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals(1, record.path("attempts").asInt());
        assertFalse(record.has("notReadyAt"), record.toString());
        assertEquals(List.of("PUT", "GET"), callsFor("SupervisorA").stream().map(ReceivedCall::method).toList(),
                "the LOGOUT, then the proof");
    }

    @Test
    void anAgentOnACallIsNotChanged() {
        dropFile("talking.csv", "1003\n");
        JsonNode record = recordOf(awaitAudit(1), "1003");
        assertEquals("REJECTED", record.path("outcome").asText(), record.toString());
        assertEquals("Invalid State", record.path("finesseErrors").get(0).path("errorType").asText());
        assertEquals("TALKING", SIMULATOR.directory().state("1003"));
        assertEquals(List.of("PUT", "GET"), callsFor("1003").stream().map(ReceivedCall::method).toList());
    }

    @Test
    void aNotReadyFinesseRefusesLeavesTheAgentReadyWithFinessesError() {
        // a deployment without that NOT_READY reason code
        SIMULATOR.directory().reset(SIMULATOR.directory().setup().withNotReadyReasonCodes(List.of()));
        dropFile("refused.csv", "1004\n");
        JsonNode record = recordOf(awaitAudit(1), "1004");
        assertEquals("REJECTED", record.path("outcome").asText(), record.toString());
        JsonNode error = record.path("finesseErrors").get(0);
        assertEquals("Invalid Input", error.path("errorType").asText(), record.toString());
        assertTrue(error.path("errorMessage").asText().contains("21"), error.toString());
        assertTrue(record.path("detail").asText().contains("Finesse refused to set user 1004 NOT_READY"),
                record.toString());
        assertEquals(1, record.path("attempts").asInt());
        assertEquals("READY", SIMULATOR.directory().state("1004"));
        assertEquals(List.of("PUT", "GET", "PUT"), callsFor("1004").stream().map(ReceivedCall::method).toList());
    }

    /** The calls about one user, both sides, in the order each side received them (only side A answers here). */
    private static List<ReceivedCall> callsFor(String userId) {
        return SIMULATOR.sides().stream().flatMap(side -> side.recentCalls().stream())
                .filter(call -> call.path().equals("/finesse/api/User/" + userId)).toList();
    }
}
