package dev.finessesignout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.confirm.NotificationSession;
import org.junit.jupiter.api.Test;

/**
 * A trusted certificate that does not name the host connected to is refused, for HTTPS and XMPP alike: the
 * simulator's certificate here lists only finesse.example.com, as a Finesse certificate issued for the node's name,
 * while the bundle connects to 127.0.0.1. Nothing is sent, not even the password of an XMPP login.
 */
class HostNameVerificationTest extends OtherNameCertificateTestSupport {
    private static final CapturedLog LOG = CapturedLog.attach();

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.retry.maximum-redeliveries", "1");
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefusedForRestAndXmpp() {
        dropFile("other-host.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("detail").asText().contains("127.0.0.1"), record.toString());
        assertEquals(0, record.path("attempts").asInt(), "a refused certificate sends nothing: " + record);
        assertEquals(0, SIMULATOR.side("A").totalCalls() + SIMULATOR.side("B").totalCalls(), "nothing was sent");
        assertEquals("READY", SIMULATOR.directory().state("1001"));

        NotificationSession session = context.getRegistry().lookupByNameAndType("notificationSession",
                NotificationSession.class);
        assertFalse(session.isListening(), "the listener did not log in to a server it cannot verify");
        assertTrue(LOG.text().contains("certificate does not name 127.0.0.1"), "the XMPP refusal says why");
        assertEquals(0, SIMULATOR.directory().describe("svc-signout").get("failedLogins"), "no password was sent");
    }
}
