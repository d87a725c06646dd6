package dev.finessesignout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong password for a self sign-out user: it is sent exactly once, no further call is made with that account
 * (its second request is not sent), the service account and the other self sign-out user go on, and the password
 * appears in no log line, no audit record (JSON or XML) and no work file.
 */
class SelfSignoutWrongPasswordTest extends SignoutTestSupport {
    private static final String WRONG_PASSWORD = TestSecrets.WRONG_SUPERVISOR_PASSWORD;
    private static final CapturedLog LOG = CapturedLog.attach();

    static {
        System.setProperty("self-signout-test.first-user", WRONG_PASSWORD);
        System.setProperty("self-signout-test.second-user", "agent-1007");
    }

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("signout.self.users", "SupervisorA,1007");
        properties.put("signout.self.SupervisorA.password", "{{sys:self-signout-test.first-user}}");
        properties.put("signout.self.1007.password", "{{sys:self-signout-test.second-user}}");
        properties.put("signout.max-in-flight", "1");
        properties.put("audit.xml", "true");
    }

    @Test
    void theWrongPasswordIsSentOnceAndStopsThatAccountOnly() throws IOException {
        dropFile("lab.csv", "SupervisorA\n1001\n1007\n1002\n");
        awaitAudit(4);
        // a later request for the same user (a user is requested once per file)
        dropFile("lab-again.csv", "SupervisorA\n");
        List<JsonNode> records = awaitAudit(5);

        assertEquals(1, SIMULATOR.signOutCalls("SupervisorA"), "exactly one request carried the wrong password");
        assertEquals(0, SIMULATOR.side("A").calls("GET", "/finesse/api/User/SupervisorA")
                + SIMULATOR.side("B").calls("GET", "/finesse/api/User/SupervisorA"), "no GET User with it either");
        Map<String, Object> account = SIMULATOR.directory().describe("SupervisorA");
        assertEquals(1, account.get("failedLogins"));
        assertEquals(false, account.get("locked"));
        assertEquals(0, SIMULATOR.directory().describe("svc-signout").get("failedLogins"));

        List<JsonNode> lab = records.stream().filter(r -> r.path("userId").asText().equals("SupervisorA")).toList();
        JsonNode refused = lab.stream().filter(r -> r.path("httpStatus").asInt() == 401).findFirst().orElseThrow();
        assertEquals("REJECTED", refused.path("outcome").asText(), refused.toString());
        assertEquals("SupervisorA", refused.path("actingAccount").asText());
        assertEquals("Authorization Failure", refused.path("finesseErrors").get(0).path("errorType").asText());
        assertTrue(refused.path("detail").asText().contains("user SupervisorA's own account"), refused.toString());
        JsonNode unsent = lab.stream().filter(r -> r != refused).findFirst().orElseThrow();
        assertEquals("FAILED", unsent.path("outcome").asText(), unsent.toString());
        assertEquals(0, unsent.path("attempts").asInt());
        assertTrue(unsent.path("detail").asText().startsWith("not sent: Finesse refused the credentials of user "
                + "SupervisorA's own account"), unsent.toString());
        assertTrue(unsent.path("detail").asText().contains("signout.self.SupervisorA.password"), unsent.toString());

        for (String user : List.of("1001", "1002")) {
            assertEquals("CONFIRMED", recordOf(records, user).path("outcome").asText(), user);
            assertEquals("svc-signout", recordOf(records, user).path("actingAccount").asText(), user);
        }
        assertEquals("CONFIRMED", recordOf(records, "1007").path("outcome").asText(), "another self account goes on");
        assertEquals("1007", recordOf(records, "1007").path("actingAccount").asText());

        String xml = Files.readString(fileEndingWith(".xml"));
        assertTrue(xml.contains("<actingAccount>SupervisorA</actingAccount>"), xml);
        String logged = LOG.text();
        // Camel's start-up summary masks a setting whose name ends with "password"
        assertTrue(logged.contains("signout.self.SupervisorA.password = xxxxxx"), logged);
        assertTrue(logged.contains("Finesse refused the credentials of user SupervisorA's own account"), logged);
        for (String secret : List.of(WRONG_PASSWORD, "agent-1007", PASSWORD)) {
            assertFalse(logged.contains(secret), "a password reached the log");
            assertFalse(allFilesUnder(ROOT.resolve("work")).contains(secret), "a password reached a work file");
        }
    }

    private static Path fileEndingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(auditDir())) {
            return files.filter(file -> file.toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }
}
