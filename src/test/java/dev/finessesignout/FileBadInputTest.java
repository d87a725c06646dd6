package dev.finessesignout;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropped files in every format and every kind of bad input: each gives a clear error, an audit record where a request
 * could be identified, and no effect on the other requests. A file refused whole goes to error/ with a report.
 */
class FileBadInputTest extends SignoutTestSupport {

    @Test
    void anXmlFileAndAJsonFileAreReadLikeACsvFileWithAResultFileBeside() throws IOException {
        dropFile("day.xml", "\uFEFF<?xml version='1.0'?>\n<signoutRequests>\n <signoutRequest><userId>1001</userId>"
                + "</signoutRequest>\n <signoutRequest><userId>1002</userId><reasonCodeId>12</reasonCodeId>"
                + "</signoutRequest>\n <signoutRequest><userId>../1003</userId></signoutRequest>\n</signoutRequests>\n");
        dropFile("night.json", "[{\"userId\": \"1004\"}, {\"userId\": 1005, \"requestId\": \"night-5\"},"
                + " {\"userId\": {\"id\": 1}}, 7]");
        List<JsonNode> records = awaitAudit(7);
        assertEquals("CONFIRMED", recordOf(records, "1001").path("outcome").asText());
        assertEquals("12", recordOf(records, "1002").path("reasonCodeId").asText());
        assertTrue(recordOf(records, "../1003").path("detail").asText().contains("would change the Finesse URL"));
        assertEquals("CONFIRMED", recordOf(records, "1004").path("outcome").asText());
        assertEquals("night-5", recordOf(records, "1005").path("requestId").asText());
        List<JsonNode> wrongTypes = records.stream().filter(r -> r.path("userId").isMissingNode()).toList();
        assertEquals(2, wrongTypes.size(), records.toString());
        assertTrue(wrongTypes.stream().allMatch(r -> "INVALID_REQUEST".equals(r.path("outcome").asText())));
        assertTrue(wrongTypes.stream().anyMatch(r -> r.path("detail").asText().contains("request 3: \"userId\" must be")));
        assertTrue(wrongTypes.stream().anyMatch(r -> r.path("detail").asText().contains("request 4: a JSON request must be an object")));

        String result = awaitResult("day-", 3);
        assertTrue(result.startsWith("\uFEFFposition,request_id,user_id,reason_code_id,outcome"), result);
        assertTrue(result.contains(",1001,,CONFIRMED,POLL,"), result);
        assertTrue(result.contains(",../1003,,INVALID_REQUEST,,"), result);
    }

    @Test
    void awkwardButReadableCsvIsReadAsAnOperatorMeansIt() {
        // BOM, CRLF, blank lines, a header, a unicode id, an id with spaces, one with %2F, a 10,000-character line
        String longLine = "1".repeat(10_000);
        dropFile("awkward.csv", "\uFEFFuserId\r\n\r\n1001\r\n\r\nJosé\r\nuser 7\r\n1%2F2\r\n" + longLine + "\r\n1002/x\r\n");
        awaitAudit(6);
        pause(500); // room for a record that should not come
        List<JsonNode> records = readAudit();
        assertEquals(6, records.size(), "the header is no request: " + records);
        assertEquals("CONFIRMED", recordOf(records, "1001").path("outcome").asText());
        assertTrue(recordOf(records, "José").path("detail").asText().contains("characters other than"));
        assertTrue(recordOf(records, "user 7").path("detail").asText().contains("white space"));
        assertTrue(recordOf(records, "1%2F2").path("detail").asText().contains("'%'"));
        assertTrue(recordOf(records, "1002/x").path("detail").asText().contains("'/'"));
        JsonNode tooLong = recordOf(records, longLine);
        assertTrue(tooLong.path("detail").asText().contains("10000 characters long"), tooLong.path("detail").asText());
        assertEquals(8, tooLong.path("source").path("line").asInt());
        assertEquals(1, records.stream().filter(r -> "CONFIRMED".equals(r.path("outcome").asText())).count());
    }

    @Test
    void aHeaderAfterBlankLinesIsStillAHeader() {
        dropFile("late-header.csv", "\n\r\n# exported 2026-11-24\nuserId\n1004\n");
        JsonNode record = awaitAudit(1).get(0);
        pause(500);
        assertEquals(1, readAudit().size(), readAudit().toString());
        assertEquals("1004", record.path("userId").asText());
        assertEquals(5, record.path("source").path("line").asInt(), "lines keep their numbers");
    }

    @Test
    void aFileReadAgainWhoseInvalidEntryWasRecordedGoesOnWithTheRest() throws IOException {
        dropFile("first.json", "[{\"requestId\": \"re-read-bad-1\", \"userId\": \"x/y\"}]");
        awaitAudit(1);
        // the same entry again (as in a file read again after a crash), then a good one
        dropFile("second.json", "[{\"requestId\": \"re-read-bad-1\", \"userId\": \"x/y\"}, {\"userId\": \"1008\"}]");
        assertEquals("CONFIRMED", recordOf(awaitAudit(2), "1008").path("outcome").asText());
        String result = awaitResult("second-", 2);
        assertTrue(result.contains("re-read-bad-1,x/y,,DUPLICATE_REQUEST_ID"), result);
        String summary = awaitSummary("second-");
        assertTrue(summary.contains("requests: 1") && summary.contains("not sent again: 1")
                && !summary.contains("INCOMPLETE"), summary);
    }

    @Test
    void aUserTwiceInOneFileIsSignedOutOnceAndTheSecondLineSaysWhy() {
        dropFile("twice.csv", "1001\n1002\n1001\n");
        List<JsonNode> records = awaitAudit(3);
        List<JsonNode> first = records.stream().filter(r -> "1001".equals(r.path("userId").asText())).toList();
        assertEquals(2, first.size());
        assertTrue(first.stream().anyMatch(r -> "CONFIRMED".equals(r.path("outcome").asText())));
        JsonNode second = first.stream().filter(r -> r.path("source").path("line").asInt() == 3).findFirst().orElseThrow();
        assertEquals("INVALID_REQUEST", second.path("outcome").asText());
        assertTrue(second.path("detail").asText().contains("already requested at position 1"), second.toString());
        assertEquals(1, SIMULATOR.side("A").calls("PUT", "/finesse/api/User/1001"));
    }

    @Test
    void filesRefusedWholeGoToTheErrorFolderWithAReportAndARecordAndQueueNothing() throws IOException {
        dropFile("empty.csv", "");
        dropFile("header-only.csv", "userId,reasonCodeId\r\n\r\n");
        dropFile("xxe.xml", "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<signoutRequests><signoutRequest><userId>&x;</userId></signoutRequest></signoutRequests>");
        dropFile("broken.json", "[{\"userId\": \"1001\"}, {\"userId\": ");
        dropFile("wrong-root.xml", "<users><user>1001</user></users>");
        dropFile("actually-json.csv", "[{\"userId\": \"1001\"}]");
        Path big = Files.createDirectories(ROOT.resolve("staging")).resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // 200 MB, sparse: refused by its size before a byte is read
        }
        Files.move(big, workDir("inbox").resolve("huge.csv"));

        List<JsonNode> records = awaitAudit(7);
        assertRefused(records, "empty.csv", "it is empty");
        assertRefused(records, "header-only.csv", "holds no request");
        assertRefused(records, "xxe.xml", "not well-formed XML (a DOCTYPE is refused)");
        assertRefused(records, "broken.json", "not valid JSON");
        assertRefused(records, "wrong-root.xml", "root element is <users>");
        assertRefused(records, "actually-json.csv", "named .csv but holds JSON");
        assertRefused(records, "huge.csv", "it is 200.0 MB; files of at most 10.0 MB");
        List<String> error = awaitFiles(workDir("error"), 14);
        for (String stem : List.of("empty-", "header-only-", "xxe-", "broken-", "wrong-root-", "actually-json-", "huge-")) {
            assertTrue(error.stream().anyMatch(name -> name.startsWith(stem) && name.endsWith(".error.txt")), error.toString());
        }
        assertEquals(0, SIMULATOR.side("A").totalCalls() + SIMULATOR.side("B").totalCalls());
    }

    @Test
    void theSameFileDroppedAgainIsRefusedAndSignsNoOneOutTwice() throws IOException {
        Path staging = Files.createDirectories(ROOT.resolve("staging")).resolve("again.csv");
        Files.writeString(staging, "1007\n", StandardCharsets.UTF_8);
        Path copy = ROOT.resolve("again-copy.csv");
        Files.copy(staging, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(staging, workDir("inbox").resolve("again.csv"));
        assertEquals("CONFIRMED", awaitAudit(1).get(0).path("outcome").asText());
        awaitResult("again-", 1);

        // a script copies the same file (name, size and time) back into the inbox
        Files.move(copy, workDir("inbox").resolve("again.csv"));
        JsonNode refused = awaitAudit(2).stream().filter(r -> r.path("userId").isMissingNode()).findFirst().orElseThrow();
        assertEquals("INVALID_REQUEST", refused.path("outcome").asText());
        assertTrue(refused.path("detail").asText().contains("processed before"), refused.toString());
        assertEquals(1, SIMULATOR.side("A").calls("PUT", "/finesse/api/User/1007"));
    }

    private static void assertRefused(List<JsonNode> records, String file, String reason) {
        JsonNode record = records.stream().filter(r -> file.equals(r.path("source").path("file").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no record for " + file + " in " + records));
        assertEquals("INVALID_REQUEST", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("detail").asText().contains(reason), record.path("detail").asText());
    }

    private static String awaitSummary(String prefix) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String name : fileNames(workDir("done"))) {
                if (name.startsWith(prefix) && name.endsWith(".summary.txt")) {
                    return Files.readString(workDir("done").resolve(name), StandardCharsets.UTF_8);
                }
            }
            pause(100);
        }
        throw new AssertionError("no summary " + prefix + "* in " + fileNames(workDir("done")));
    }

    /** The result file of the batch whose name starts so, once it holds this many request lines. */
    private static String awaitResult(String prefix, int lines) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String name : fileNames(workDir("done"))) {
                if (name.startsWith(prefix) && name.endsWith(".result.csv")) {
                    String text = Files.readString(workDir("done").resolve(name), StandardCharsets.UTF_8);
                    if (text.lines().count() >= lines + 1) {
                        return text;
                    }
                }
            }
            pause(100);
        }
        throw new AssertionError("no result file " + prefix + "* with " + lines + " lines in " + fileNames(workDir("done")));
    }
}
