package dev.finessesignout;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The most common set-up error: Finesse's certificate is not trusted (here: no trust store, and the simulator's
 * certificate is self-signed). Certificates are verified, nothing is sent, and the record says why.
 */
class UntrustedCertificateTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.tls.trust-store", "");
        properties.put("finesse.retry.maximum-redeliveries", "1");
    }

    @Test
    void anUntrustedCertificateFailsTheRequestWithoutSendingIt() {
        dropFile("untrusted.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("detail").asText().contains("SSLHandshakeException"), record.toString());
        assertEquals(0, record.path("attempts").asInt(), "a failed handshake sends nothing");
        assertFalse(record.has("sentAt"));
        assertEquals(0, SIMULATOR.side("A").totalCalls() + SIMULATOR.side("B").totalCalls());
        assertEquals("READY", SIMULATOR.directory().state("1001"));
    }
}
