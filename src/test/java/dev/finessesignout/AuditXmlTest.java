package dev.finessesignout;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finessesignout.audit.AuditRecord;
import jakarta.xml.bind.JAXBContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With audit.xml=true each final record is also written as a line of XML with the same fields as the JSON line. */
class AuditXmlTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audit.xml", "true");
    }

    @Test
    void everyRecordIsAlsoALineOfXmlWithTheSameFields() throws Exception {
        dropFile("xml.csv", "1001\nnot a user\n");
        List<JsonNode> json = awaitAudit(2);
        Path xmlFile;
        try (var files = Files.list(auditDir())) {
            xmlFile = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(xmlFile);
        assertEquals(2, lines.size(), lines.toString());
        var unmarshaller = JAXBContext.newInstance(AuditRecord.class).createUnmarshaller();
        for (String line : lines) {
            assertTrue(line.startsWith("<auditRecord>"), line);
            AuditRecord xml = (AuditRecord) unmarshaller.unmarshal(new StringReader(line));
            JsonNode same = json.stream().filter(r -> r.path("requestId").asText().equals(xml.requestId()))
                    .findFirst().orElseThrow();
            assertEquals(same.path("outcome").asText(), xml.outcome().name());
            assertEquals(same.path("userId").asText(), xml.userId());
            assertEquals(same.path("detail").asText(), xml.detail());
            assertEquals(same.path("source").path("line").asInt(), xml.source().line());
            assertEquals(same.path("recordedAt").asText(), xml.recordedAt().toString());
        }
        String confirmed = lines.stream().filter(l -> l.contains("<userId>1001</userId>")).findFirst().orElseThrow();
        assertTrue(confirmed.contains("<outcome>CONFIRMED</outcome>") && confirmed.contains("<confirmedBy>POLL</confirmedBy>")
                && confirmed.contains("<httpStatus>202</httpStatus>"), confirmed);
    }
}
