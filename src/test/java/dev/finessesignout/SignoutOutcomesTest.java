package dev.finessesignout;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.SimulatedSide;
import dev.finessesignout.simulator.SimulatorSetup.AlreadySignedOut;
import dev.finessesignout.simulator.SimulatorSetup.ReasonCodeRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answer of the contract's error table, end to end from a dropped file to the audit record. */
class SignoutOutcomesTest extends SignoutTestSupport {

    @Test
    void signsOutTeamMembersFromEverySignedInState() {
        // 1001..1011: READY, NOT_READY, TALKING, READY, WORK, HOLD, NOT_READY, READY, RESERVED, WORK_READY, READY
        StringBuilder file = new StringBuilder("userId\n");
        for (int id = 1001; id <= 1011; id++) {
            file.append(id).append('\n');
        }
        dropFile("shift.csv", file.toString());
        List<JsonNode> records = awaitAudit(11);

        for (int id = 1001; id <= 1011; id++) {
            JsonNode record = recordOf(records, String.valueOf(id));
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
            assertEquals(202, record.path("httpStatus").asInt());
            assertEquals(1, record.path("attempts").asInt());
            assertEquals("A", record.path("finesseNode").asText());
            assertEquals("file", record.path("source").path("trigger").asText());
            assertEquals("shift.csv", record.path("source").path("file").asText());
            assertEquals(id - 999, record.path("source").path("line").asInt());
            assertTrue(record.hasNonNull("receivedAt") && record.hasNonNull("sentAt") && record.hasNonNull("answeredAt"));
            assertEquals("LOGOUT", SIMULATOR.directory().state(String.valueOf(id)));
        }
    }

    @Test
    void alreadySignedOutAsInvalidStateIsCheckedWithGetUser() {
        assertAlreadySignedOut();
    }

    @Test
    void alreadySignedOutAsInvalidInputStateIsCheckedWithGetUser() throws Exception {
        SIMULATOR.reset(AlreadySignedOut.INVALID_INPUT, ReasonCodeRule.NONE);
        JsonNode record = assertAlreadySignedOut();
        assertEquals("Invalid Input", record.path("finesseErrors").get(0).path("errorType").asText());
    }

    private JsonNode assertAlreadySignedOut() {
        dropFile("again.csv", "1012\n");
        JsonNode record = recordOf(awaitAudit(1), "1012");
        assertEquals("ALREADY_SIGNED_OUT", record.path("outcome").asText(), record.toString());
        assertEquals(400, record.path("httpStatus").asInt(), "the record names the sign-out's own answer");
        assertEquals(1, SIMULATOR.side("A").calls("GET", "/finesse/api/User/1012"));
        return record;
    }

    @Test
    void unknownUserIsRejected() {
        dropFile("unknown.csv", "9999\n");
        JsonNode record = recordOf(awaitAudit(1), "9999");
        assertEquals("REJECTED", record.path("outcome").asText());
        assertEquals(404, record.path("httpStatus").asInt());
        assertEquals("User Not Found", record.path("finesseErrors").get(0).path("errorType").asText());
        assertEquals(1, SIMULATOR.signOutCalls("9999"), "a 404 is not retried");
    }

    @Test
    void unknownUserInTheOtherSpellingIsRejectedAlike() throws Exception {
        SIMULATOR.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.NONE, true);
        dropFile("unknown-2.csv", "9998\n");
        JsonNode record = recordOf(awaitAudit(1), "9998");
        assertEquals("REJECTED", record.path("outcome").asText());
        assertEquals("Not Found", record.path("finesseErrors").get(0).path("errorType").asText());
    }

    @Test
    void agentOutsideTheSupervisedTeamsIsRejectedAndSentOnce() {
        dropFile("other-team.csv", "2001\n");
        JsonNode record = recordOf(awaitAudit(1), "2001");
        assertEquals("REJECTED", record.path("outcome").asText());
        assertEquals(401, record.path("httpStatus").asInt());
        assertEquals("Invalid Supervisor", record.path("finesseErrors").get(0).path("errorType").asText());
        assertEquals(1, SIMULATOR.signOutCalls("2001"));
        assertEquals("READY", SIMULATOR.directory().state("2001"));
    }

    @Test
    void requiredReasonCodeIsRejectedWithFinesseOwnError() throws Exception {
        SIMULATOR.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.ALL);
        dropFile("no-reason.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("REJECTED", record.path("outcome").asText());
        assertEquals(400, record.path("httpStatus").asInt());
        JsonNode error = record.path("finesseErrors").get(0);
        assertEquals("Parameter Missing", error.path("errorType").asText());
        assertEquals("finesse.api.reasoncode.require_reasoncode", error.path("errorMessage").asText());
        assertTrue(record.path("detail").asText().contains("reason code"));
        assertEquals(1, SIMULATOR.signOutCalls("1001"));
    }

    @Test
    void invalidUserIdsAreNeverSentAndDoNotStopTheGoodLines() {
        dropFile("mixed.csv", "1001\n10/../1002\nab%2F1003\n10 04\n1005,notanumber\n1006\n");
        List<JsonNode> records = awaitAudit(6);

        assertEquals("CONFIRMED", recordOf(records, "1001").path("outcome").asText());
        assertEquals("CONFIRMED", recordOf(records, "1006").path("outcome").asText());
        for (String bad : List.of("10/../1002", "ab%2F1003", "10 04", "1005")) {
            JsonNode record = recordOf(records, bad);
            assertEquals("INVALID_REQUEST", record.path("outcome").asText(), record.toString());
            assertFalse(record.path("detail").asText().isBlank());
            assertFalse(record.has("httpStatus"));
        }
        assertEquals(3, recordOf(records, "ab%2F1003").path("source").path("line").asInt());
        assertEquals(2, SIMULATOR.signOutCalls("1001") + SIMULATOR.signOutCalls("1006"));
        for (String neverSent : List.of("1002", "1003", "1004", "1005", "10/../1002", "ab%2F1003")) {
            assertEquals(0, SIMULATOR.signOutCalls(neverSent), "only the two valid lines reach Finesse");
        }
        assertEquals("WORK", SIMULATOR.directory().state("1005"), "a line with a bad reason code is not sent");
    }

    @Test
    void theRequestCarriesTheRequestIdHeaderAndAnXmlLogoutBody() {
        dropFile("reason.csv", "1007,12\n");
        JsonNode record = recordOf(awaitAudit(1), "1007");
        SimulatedSide.ReceivedCall put = SIMULATOR.side("A").recentCalls().stream()
                .filter(call -> call.method().equals("PUT")).findFirst().orElseThrow();
        assertEquals("/finesse/api/User/1007", put.path());
        assertEquals(record.path("requestId").asText(), put.requestId());
        assertTrue(put.contentType().startsWith("application/xml"), put.contentType());
        assertEquals("<User><state>LOGOUT</state><reasonCodeId>12</reasonCodeId></User>", put.body());
    }
}
