package dev.finessesignout;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong service password: the 401 is sent exactly once, no further request goes out with those credentials (five
 * in a row would lock the account), and the password appears in no log and no audit record.
 */
class WrongPasswordTest extends SignoutTestSupport {
    // ')' ends Camel's RAW(...) masking, '&' and '%' are special in URIs: none of them may leak
    private static final String WRONG_PASSWORD = TestSecrets.WRONG_SERVICE_PASSWORD;
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.password", WRONG_PASSWORD);
        properties.put("signout.max-in-flight", "1");
    }

    @Test
    void theFirst401StopsAllFurtherSendsAndNoSecretIsWrittenAnywhere() throws IOException {
        dropFile("shift.csv", "1001\n1002\n1003\n1004\n1005\n1006\n");
        List<JsonNode> records = awaitAudit(6);

        int sent = 0;
        for (String id : List.of("1001", "1002", "1003", "1004", "1005", "1006")) {
            sent += SIMULATOR.signOutCalls(id);
        }
        assertEquals(1, sent, "exactly one request carried the wrong password");
        Map<String, Object> account = SIMULATOR.directory().describe("svc-signout");
        assertEquals(1, account.get("failedLogins"));
        assertEquals(false, account.get("locked"));
        List<JsonNode> unsent = records.stream().filter(r -> r.path("detail").asText().startsWith("not sent")).toList();
        assertEquals(5, unsent.size(), records.toString());
        unsent.forEach(r -> assertEquals("FAILED", r.path("outcome").asText()));
        unsent.forEach(r -> assertEquals(0, r.path("attempts").asInt()));
        JsonNode first = records.stream().filter(r -> r.path("httpStatus").asInt() == 401).findFirst().orElseThrow();
        assertEquals("REJECTED", first.path("outcome").asText());
        assertEquals("Authorization Failure", first.path("finesseErrors").get(0).path("errorType").asText());

        String logged = LOG.text();
        assertTrue(logged.contains("Finesse refused the credentials"), "the log says what happened");
        for (String secret : List.of(WRONG_PASSWORD, PASSWORD)) {
            assertFalse(logged.contains(secret), "a password reached the log");
            assertFalse(allFilesUnder(ROOT.resolve("work")).contains(secret), "a password reached a work file");
        }
    }
}
