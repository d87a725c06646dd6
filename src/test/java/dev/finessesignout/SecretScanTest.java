package dev.finessesignout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan SecretsNotInLogsIT relies on finds a password in each form it can take in a log. */
class SecretScanTest {
    private static final Map<String, String> SECRETS = Map.of("sandbox-only-password", "svc-signout");
    private final SecretScan scan = new SecretScan(SECRETS);

    @Test
    void findsAPasswordAsItIs() {
        assertEquals(List.of("the password of account svc-signout"),
                scan.findingsIn("finesse.password = sandbox-only-password"));
    }

    @Test
    void findsAPasswordInABasicAuthorizationHeader() {
        String header = "Authorization: Basic " + base64("svc-signout:sandbox-only-password");
        assertEquals(List.of("the password of account svc-signout, Base64 encoded"), scan.findingsIn(header));
    }

    @Test
    void findsAPasswordInASaslPlainLogin() {
        String stanza = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + base64("\0svc-signout\0sandbox-only-password") + "</auth>";
        assertFalse(scan.findingsIn(stanza).isEmpty());
    }

    @Test
    void findsNothingInAnOrdinaryLogAndReadsOnlyTextFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.log"), "INFO Listening for Finesse notifications as svc-signout@finesse"
                + ".example.com/finesse-signout; finesse.password = xxxxxx; requestId 0e9f6f1a-3c1b-4f0e\n");
        Files.writeString(dir.resolve("journal.bin"), "sandbox-only-password");
        Files.writeString(dir.resolve("audit.jsonl"), "{\"detail\":\"sandbox-only-password\"}\n");
        List<String> findings = scan.findingsUnder(dir);
        assertEquals(2, scan.filesRead());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).contains("audit.jsonl"), findings.toString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
