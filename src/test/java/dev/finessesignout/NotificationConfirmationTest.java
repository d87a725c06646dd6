package dev.finessesignout;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.confirm.NotificationEvidence;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each sign-out is proven by the notification the simulator publishes, in each of the contract's forms and races; a
 * request no notification settles is checked with GET User.
 */
class NotificationConfirmationTest extends ConfirmationTestSupport {

    @Test
    void aNotificationNamingTheRequestConfirmsIt() {
        dropFile("one.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText());
        assertTrue(record.path("confirmationMillis").asLong() >= 0);
        assertTrue(record.hasNonNull("confirmedAt") && record.hasNonNull("answeredAt"));
        assertTrue(record.path("detail").asText().contains("/finesse/api/Team/7/Users"), record.toString());
    }

    @Test
    void theOtherFormsConfirmByStateAndTimeWithoutARequestId() {
        SIMULATOR.notificationStyle(style("{\"childElements\": true, \"userElement\": \"User\", \"eventCase\": "
                + "\"lower\", \"emptyRequestId\": true, \"shuffled\": true}"));
        dropFile("forms.csv", "1002\n1009\n");
        List<JsonNode> records = awaitAudit(2);
        for (String user : List.of("1002", "1009")) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
            assertEquals("NOTIFICATION_STATE_TIME", record.path("confirmedBy").asText(), record.toString());
        }
    }

    @Test
    void aWholeTeamUpdateConfirmsToo() {
        SIMULATOR.notificationStyle(style("{\"wholeTeam\": true, \"emptyRequestId\": true}"));
        dropFile("team.csv", "1004\n");
        JsonNode record = recordOf(awaitAudit(1), "1004");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
    }

    @Test
    void aNotificationBeforeThe202StillConfirms() {
        SIMULATOR.notificationStyle(style("{\"beforeAnswer\": true}"));
        dropFile("early.csv", "1005\n1007\n");
        List<JsonNode> records = awaitAudit(2);
        for (String user : List.of("1005", "1007")) {
            JsonNode record = recordOf(records, user);
            assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText(), record.toString());
        }
        // the simulator holds the 202 back 300 ms after publishing: proof was there when the 202 was read (0 ms);
        // one of the two is enough on a busy machine, AwaitedSignoutsTest proves the order for each
        assertTrue(records.stream().anyMatch(r -> r.path("confirmationMillis").asLong() == 0), records.toString());
    }

    @Test
    void duplicatedNotificationsGiveOneRecordPerRequest() {
        NotificationEvidence listener = context.getRegistry().lookupByNameAndType("notificationEvidence",
                NotificationEvidence.class);
        long heard = listener.heard();
        SIMULATOR.notificationStyle(style("{\"duplicated\": true}"));
        dropFile("twice.csv", "1006\n1008\n");
        awaitAudit(2);
        pause(1500); // time for any second record to appear
        List<JsonNode> records = readAudit();
        assertEquals(2, records.size(), records.toString());
        records.forEach(r -> assertEquals("NOTIFICATION_REQUEST_ID", r.path("confirmedBy").asText(), r.toString()));
        assertTrue(listener.heard() - heard >= 4, "each sign-out was heard twice: " + (listener.heard() - heard));
        // a copy heard after its request's group completed opens a group of evidence only, which times out unused
        var repository = context.getRegistry().lookupByNameAndType("confirmationRepository",
                org.apache.camel.spi.AggregationRepository.class);
        for (int i = 0; i < 100 && !repository.getKeys().isEmpty(); i++) {
            pause(100);
        }
        assertEquals(0, repository.getKeys().size(), "no group is left once the notification wait is over");
        assertEquals(2, readAudit().size(), "and it recorded nothing");
    }

    @Test
    void aLostNotificationIsReplacedByGetUser() {
        SIMULATOR.notificationStyle(style("{\"dropped\": true}"));
        dropFile("lost.csv", "1010\n");
        JsonNode record = recordOf(awaitAudit(1), "1010");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("POLL", record.path("confirmedBy").asText());
        assertTrue(record.path("confirmationMillis").asLong() >= 2500, record.toString());
        assertEquals(1, SIMULATOR.side("A").calls("GET", "/finesse/api/User/1010"));
    }

    @Test
    void aFailureNotifiedAfterThe202FailsTheRequestWithFinessesError() {
        SIMULATOR.side("A").faults().asyncFailures(1);
        SIMULATOR.side("B").faults().asyncFailures(1);
        dropFile("async.csv", "1011\n");
        JsonNode record = recordOf(awaitAudit(1), "1011");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        assertEquals(202, record.path("httpStatus").asInt());
        assertFalse(record.path("finesseErrors").get(0).path("errorType").asText().isBlank(), record.toString());
        assertFalse(record.has("confirmedBy"));
    }

    @Test
    void anAgentOnACallStaysPendingUntilTheCallEnds() {
        SIMULATOR.directory().callEnd(Duration.ofMillis(4000)); // longer than the notification wait (3 s)
        dropFile("call.csv", "1003\n");
        JsonNode record = recordOf(awaitAudit(1), "1003");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("NOTIFICATION_STATE_TIME", record.path("confirmedBy").asText());
        assertTrue(record.hasNonNull("pendingSince"), record.toString());
        assertTrue(record.path("confirmationMillis").asLong() >= 3500, record.toString());
    }

    @Test
    void aCallLongerThanThePendingLimitLeavesTheRequestUnconfirmed() {
        SIMULATOR.directory().callEnd(Duration.ofSeconds(30));
        dropFile("long-call.csv", "1006\n");
        JsonNode record = recordOf(awaitAudit(1), "1006");
        assertEquals("UNCONFIRMED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("detail").asText().contains("pendingState LOGOUT"), record.toString());
        assertEquals("HOLD", SIMULATOR.directory().state("1006"));
    }
}
