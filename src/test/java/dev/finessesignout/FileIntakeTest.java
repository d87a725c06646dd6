package dev.finessesignout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox: what becomes a request, where the file goes, and what happens to a file that is not a request file. */
class FileIntakeTest extends SignoutTestSupport {

    @Test
    void headerBlankCommentAndQuotedLinesAreReadAsAnOperatorMeansThem() throws IOException {
        String file = "\uFEFFuserId,reasonCodeId\r\n# end of day shift\r\n\r\n\"1001\"\r\n 1002 , \r\n1003,12\r\n\r\n";
        int doneBefore = fileNames(workDir("done")).size();
        dropFile("day.csv", file);
        List<JsonNode> records = awaitAudit(3);
        awaitFiles(workDir("done"), doneBefore + 1);

        assertEquals(3, records.size(), "three lines carry a request: " + records);
        for (String id : List.of("1001", "1002", "1003")) {
            assertEquals("CONFIRMED", recordOf(records, id).path("outcome").asText());
        }
        assertEquals(4, recordOf(records, "1001").path("source").path("line").asInt());
        assertEquals("12", recordOf(records, "1003").path("reasonCodeId").asText());
        assertTrue(fileNames(workDir("inbox")).isEmpty());
        assertTrue(fileNames(workDir("done")).stream().anyMatch(name -> name.startsWith("day-") && name.endsWith(".csv")),
                fileNames(workDir("done")).toString());
    }

    @Test
    void aBinaryFileGoesToTheErrorFolderWithAReportAndAnAuditRecord() throws IOException {
        Path staging = Files.createDirectories(ROOT.resolve("staging")).resolve("export.csv");
        Files.write(staging, new byte[] {'1', '0', '0', '1', '\n', 0, 0, 0, 7, '\n'});
        Files.move(staging, Files.createDirectories(workDir("inbox")).resolve("export.csv"));

        JsonNode record = awaitAudit(1).get(0);
        assertEquals("INVALID_REQUEST", record.path("outcome").asText());
        assertEquals("export.csv", record.path("source").path("file").asText());
        assertTrue(record.path("detail").asText().contains("binary"), record.toString());

        List<String> error = awaitFiles(workDir("error"), 2);
        String report = error.stream().filter(name -> name.endsWith(".error.txt")).findFirst().orElseThrow();
        assertTrue(error.contains(report.replace(".error.txt", "")), "the file sits beside its report: " + error);
        String text = Files.readString(workDir("error").resolve(report), StandardCharsets.UTF_8);
        assertTrue(text.contains("export.csv") && text.contains("binary data"), text);
        assertEquals(0, SIMULATOR.side("A").totalCalls() + SIMULATOR.side("B").totalCalls());
    }

    @Test
    void aLineWithTooManyColumnsIsInvalidAndTheOthersGoOn() {
        dropFile("columns.csv", "1001,12,extra\n1002\n");
        List<JsonNode> records = awaitAudit(2);
        assertEquals("INVALID_REQUEST", recordOf(records, "1001").path("outcome").asText());
        assertTrue(recordOf(records, "1001").path("detail").asText().contains("3 columns"));
        assertEquals("CONFIRMED", recordOf(records, "1002").path("outcome").asText());
    }
}
