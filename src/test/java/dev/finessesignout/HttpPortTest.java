package dev.finessesignout;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finesse's HTTP port (8082, up to 11.6) works; from 12.5 it redirects to HTTPS, which is explained, not retried. */
class HttpPortTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("finesse.side-a.url", SIMULATOR.side("A").httpUrl());
        properties.put("finesse.side-b.url", SIMULATOR.side("B").httpUrl());
        properties.put("finesse.tls.trust-store", "");
    }

    @Test
    void signsOutOverPlainHttp() {
        dropFile("http.csv", "1001\n");
        JsonNode record = recordOf(awaitAudit(1), "1001");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("finesseUrl").asText().startsWith("http://"));
    }

    @Test
    void aRedirectToHttpsIsExplainedInPlainWords() {
        SIMULATOR.sides().forEach(side -> side.faults().redirectToHttps(true));
        dropFile("redirect.csv", "1002\n");
        JsonNode record = recordOf(awaitAudit(1), "1002");
        assertEquals("FAILED", record.path("outcome").asText(), record.toString());
        assertEquals(301, record.path("httpStatus").asInt());
        assertEquals(1, record.path("attempts").asInt(), "a redirect is a configuration error, not retried");
        String detail = record.path("detail").asText();
        assertTrue(detail.contains("HTTPS only") && detail.contains("8445") && detail.contains(SIMULATOR.side("A").httpsUrl()),
                detail);
        assertEquals("NOT_READY", SIMULATOR.directory().state("1002"));
    }
}
