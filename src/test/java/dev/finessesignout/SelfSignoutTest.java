package dev.finessesignout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.simulator.SimulatedSide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DevNet lab's scenario: users who sign themselves out with their own credentials, each password given by a
 * reference (a secrets file, a system property, an environment variable with a default), with the service
 * account's notification listener watching teams 7 and 8. Every other request still goes with the service account.
 */
class SelfSignoutTest extends ConfirmationTestSupport {
    private static final Path SECRETS = ROOT.resolve("etc/secrets.properties");

    static {
        System.setProperty("self-signout-test.password-2001", "agent-2001");
    }

    /** As FinesseSignoutMain composes them, with a secrets file outside the repository. */
    @Override
    protected String getPropertyPlaceholderLocations() {
        try {
            Files.createDirectories(SECRETS.getParent());
            Files.writeString(SECRETS, "# SupervisorA's password, kept outside the repository\n"
                    + "secret.SupervisorA.password = sandbox-supervisor-a\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FinesseSignoutMain.propertyLocations("application.properties", SECRETS.toString());
    }

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("signout.self.users", "SupervisorA, 2001, 1004");
        properties.put("signout.self.SupervisorA.password", "{{secret.SupervisorA.password}}");
        properties.put("signout.self.2001.password", "{{sys:self-signout-test.password-2001}}");
        properties.put("signout.self.1004.password", "{{env:SELF_SIGNOUT_TEST_PASSWORD_1004:agent-1004}}");
    }

    /** SupervisorA is on team 7: the service account's listener hears the LOGOUT its own request caused. */
    @Test
    void supervisorASignsItselfOutWithItsOwnCredentialsAndTheListenerHearsIt() {
        dropFile("lab.csv", "SupervisorA\n1002\n");
        List<JsonNode> records = awaitAudit(2);

        JsonNode lab = recordOf(records, "SupervisorA");
        assertEquals("CONFIRMED", lab.path("outcome").asText(), lab.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", lab.path("confirmedBy").asText(), lab.toString());
        assertEquals("SupervisorA", lab.path("actingAccount").asText());
        assertEquals(202, lab.path("httpStatus").asInt());
        assertEquals("LOGOUT", SIMULATOR.directory().state("SupervisorA"));
        assertEquals(List.of("SupervisorA"), accountsOf("PUT", "SupervisorA"), "sent with its own credentials");

        JsonNode member = recordOf(records, "1002");
        assertEquals("CONFIRMED", member.path("outcome").asText(), member.toString());
        assertEquals("svc-signout", member.path("actingAccount").asText());
        assertEquals(List.of("svc-signout"), accountsOf("PUT", "1002"));
        // the only XMPP session is the service account's
        SIMULATOR.subscribers("/finesse/api/Team/7/Users")
                .forEach(jid -> assertTrue(jid.startsWith("svc-signout@"), jid));
    }

    /** 2001 is on team 9, which the listener does not watch: GET User, with 2001's own credentials, proves it. */
    @Test
    void aUserOnATeamTheListenerDoesNotWatchIsConfirmedByGetUserWithItsOwnCredentials() {
        SIMULATOR.directory().setState("2001", "NOT_READY");
        dropFile("unwatched.csv", "2001\n");
        JsonNode record = recordOf(awaitAudit(1), "2001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("POLL", record.path("confirmedBy").asText(), record.toString());
        assertEquals("2001", record.path("actingAccount").asText());
        assertTrue(record.path("detail").asText().contains("team 9, whose notifications the listener does not watch"),
                record.toString());
        assertEquals(List.of("2001"), accountsOf("PUT", "2001"));
        assertEquals(List.of("2001"), accountsOf("GET", "2001"), "the service account may not read user 2001");
    }

    /** The default: an agent in READY is not signed out; the record carries Finesse's own refusal. */
    @Test
    void anAgentInReadyIsRejectedWithFinessesOwnError() {
        dropFile("ready.csv", "1004\n");
        JsonNode record = recordOf(awaitAudit(1), "1004");
        assertEquals("REJECTED", record.path("outcome").asText(), record.toString());
        assertEquals(400, record.path("httpStatus").asInt());
        assertEquals(1, record.path("attempts").asInt());
        assertEquals("1004", record.path("actingAccount").asText());
        JsonNode error = record.path("finesseErrors").get(0);
        assertEquals("Invalid State", error.path("errorType").asText());
        assertTrue(error.path("errorMessage").asText().contains("READY to LOGOUT"), error.toString());
        assertTrue(record.path("detail").asText().contains("signout.self.not-ready-first"), record.toString());
        assertFalse(record.has("notReadyAt"));
        assertEquals("READY", SIMULATOR.directory().state("1004"), "the agent was not changed");
        assertEquals(List.of("1004"), accountsOf("PUT", "1004"), "one LOGOUT, no NOT_READY");
        assertEquals(List.of("1004"), accountsOf("GET", "1004"), "GET User told READY from already signed out");
    }

    /** The accounts the calls {@code method /finesse/api/User/{userId}} were made with, on both sides. */
    private static List<String> accountsOf(String method, String userId) {
        return SIMULATOR.sides().stream().flatMap(side -> side.recentCalls().stream())
                .filter(call -> call.method().equals(method) && call.path().equals("/finesse/api/User/" + userId))
                .map(SimulatedSide.ReceivedCall::account).toList();
    }
}
