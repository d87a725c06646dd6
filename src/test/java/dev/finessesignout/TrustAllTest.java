package dev.finessesignout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * finesse.tls.trust-all, for a lab: no trust store and a certificate for another name, yet REST calls and the listener
 * go through, and the log says loudly that nothing is verified.
 */
class TrustAllTest extends OtherNameCertificateTestSupport {
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.tls.trust-store", "");
        properties.put("finesse.tls.trust-all", "true");
    }

    @Test
    void everythingIsTrustedAndTheLogSaysSo() {
        dropFile("lab.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1, 60), "1001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("NOTIFICATION_REQUEST_ID", record.path("confirmedBy").asText(), "the listener got in: " + record);
        assertTrue(LOG.text().contains("TLS VERIFICATION IS OFF (finesse.tls.trust-all=true)"), "said loudly");
    }
}
