package dev.finessesignout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;

import static dev.finessesignout.SignoutTestSupport.awaitAudit;
import static dev.finessesignout.SignoutTestSupport.awaitFiles;
import static dev.finessesignout.SignoutTestSupport.recordOf;
import static dev.finessesignout.SignoutTestSupport.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sandbox as the README's first command runs it: application.properties as shipped (its own simulator on the
 * default ports, the sample file copied into the inbox), only the folders moved to a temporary directory.
 */
class SandboxTest extends CamelMainTestSupport {

    @Override
    protected Class<?> getMainClass() {
        return FinesseSignoutMain.class;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Path root = SignoutTestSupport.ROOT;
        Properties properties = new Properties();
        properties.put("intake.dir", root.resolve("work").toString());
        properties.put("audit.dir", root.resolve("work/audit").toString());
        properties.put("broker.data-dir", root.resolve("data/artemis").toString());
        properties.put("simulator.trust-store", root.resolve("data/sandbox/truststore.p12").toString());
        configuration.withUseOverridePropertiesWithPropertiesComponent(properties);
    }

    @Test
    void theSampleFileIsSignedOutWithEveryOutcomeShown() {
        SignoutTestSupport.SIMULATOR.stop(); // this test uses the sandbox's own simulator only
        Map<String, String> expected = Map.of("1001", "ACCEPTED", "1002", "ACCEPTED", "1003", "ACCEPTED",
                "1004", "ACCEPTED", "1005", "ACCEPTED", "1012", "ALREADY_SIGNED_OUT", "9999", "REJECTED",
                "2001", "REJECTED", "10/../1001", "INVALID_REQUEST");
        List<JsonNode> records = awaitAudit(expected.size());
        expected.forEach((user, outcome) -> assertEquals(outcome, recordOf(records, user).path("outcome").asText(), user));
        assertEquals("12", recordOf(records, "1005").path("reasonCodeId").asText());
        awaitFiles(workDir("done"), 1);
    }
}
