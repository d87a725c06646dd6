package dev.finessesignout;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sandbox as the README's first command runs it: application.properties as shipped (its own simulator on the
 * default ports, the sample file copied into the inbox), only the folders moved to a temporary directory.
 */
class SandboxTest extends BundleTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("simulator.trust-store", ROOT.resolve("data/sandbox/truststore.p12").toString());
    }

    @Test
    void theSampleFileIsSignedOutWithEveryOutcomeShown() {
        Map<String, String> expected = Map.of("1001", "ACCEPTED", "1002", "ACCEPTED", "1003", "ACCEPTED",
                "1004", "ACCEPTED", "1005", "ACCEPTED", "1012", "ALREADY_SIGNED_OUT", "9999", "REJECTED",
                "2001", "REJECTED", "10/../1001", "INVALID_REQUEST");
        List<JsonNode> records = awaitAudit(expected.size());
        expected.forEach((user, outcome) -> assertEquals(outcome, recordOf(records, user).path("outcome").asText(), user));
        assertEquals("12", recordOf(records, "1005").path("reasonCodeId").asText());
        awaitFiles(workDir("done"), 1);
    }
}
