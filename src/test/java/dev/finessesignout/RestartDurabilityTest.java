package dev.finessesignout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.finessesignout.BundleTestSupport.awaitAudit;
import static dev.finessesignout.BundleTestSupport.readAudit;
import static dev.finessesignout.BundleTestSupport.recordOf;
import static dev.finessesignout.BundleTestSupport.workDir;
import static dev.finessesignout.SignoutTestSupport.SIMULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests survive a restart: queued ones are sent once by the next bundle, even when the same file was read twice;
 * accepted ones waiting for their proof are restored from the confirmation repository and resolved, not sent again.
 */
class RestartDurabilityTest {
    private static final Instant FILE_TIME = Instant.parse("2026-11-23T17:00:00Z");

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Test
    void queuedRequestsAreSentAfterARestartAndAFileReadTwiceIsSentOnce() throws Exception {
        SignoutTestSupport.resetAll();
        Main intakeOnly = start(false);
        try {
            dropSameFile();
            awaitShiftFilesDone(1);
        } finally {
            intakeOnly.stop();
        }
        // as after a crash between queuing the file's requests and remembering the file: the same file (name, size
        // and time) is read again in full by the next start
        Files.delete(BundleTestSupport.ROOT.resolve("data/state/processed-files.txt"));
        Main again = start(false);
        try {
            dropSameFile();
            awaitShiftFilesDone(2);
        } finally {
            again.stop();
        }
        String second = BundleTestSupport.fileNames(workDir("done")).stream()
                .filter(name -> name.startsWith("shift-") && name.endsWith(".csv.result.csv")).sorted()
                .reduce((first, last) -> last).orElseThrow();
        assertEquals(4, Files.readAllLines(workDir("done").resolve(second)).stream()
                .filter(line -> line.contains("DUPLICATE_REQUEST_ID")).count(), "every request of it was queued before");
        assertTrue(readAudit().isEmpty(), "nothing was sent yet");
        assertEquals(0, SIMULATOR.side("A").totalCalls() + SIMULATOR.side("B").totalCalls());

        Main worker = start(true);
        try {
            List<JsonNode> records = awaitAudit(4);
            BundleTestSupport.pause(1500); // room for a duplicate that should not come
            records = readAudit();
            assertEquals(4, records.size(), "one record per request: " + records);
            for (String id : List.of("1001", "1002", "1003", "1004")) {
                assertEquals("CONFIRMED", recordOf(records, id).path("outcome").asText());
                assertEquals(1, SIMULATOR.signOutCalls(id), "user " + id + " signed out once");
            }
            // the processed file is remembered across the restart: the same file dropped once more is refused
            dropSameFile();
            JsonNode refused = awaitAudit(5).stream().filter(r -> r.path("userId").isMissingNode()).findFirst()
                    .orElseThrow();
            assertTrue(refused.path("detail").asText().contains("processed before"), refused.toString());
        } finally {
            worker.stop();
        }
    }

    @Test
    void requestsAwaitingProofAreResolvedAfterARestartWithoutBeingSentAgain() throws Exception {
        SignoutTestSupport.resetAll();
        Properties patient = SignoutTestSupport.bundleProperties();
        patient.put("confirm.notification-wait", "15000"); // no listener: a poll after 15 s, counted afresh after the restart
        Main first = start(patient);
        try {
            Files.writeString(Files.createDirectories(BundleTestSupport.ROOT.resolve("staging")).resolve("wait.csv"),
                    "1005\n1007\n");
            Files.move(BundleTestSupport.ROOT.resolve("staging/wait.csv"), workDir("inbox").resolve("wait.csv"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (SIMULATOR.signOutCalls("1005") + SIMULATOR.signOutCalls("1007") < 2 && System.nanoTime() < deadline) {
                BundleTestSupport.pause(50);
            }
            BundleTestSupport.pause(500); // the 202s are read and both requests wait in the repository
        } finally {
            first.stop();
        }
        assertTrue(readAudit().isEmpty(), "no outcome is final yet: " + readAudit());

        String sentFor1005 = SIMULATOR.side("A").recentCalls().stream()
                .filter(call -> call.path().endsWith("/User/1005") && "PUT".equals(call.method())).findFirst()
                .orElseThrow().requestId();

        Main second = start(SignoutTestSupport.bundleProperties());
        try {
            // as if the bundle had died before the queue message of 1005 was acknowledged: it comes again
            second.getCamelContext().createProducerTemplate().sendBody("jms:queue:finesse.signout.requests",
                    "{\"requestId\":\"" + sentFor1005 + "\",\"userId\":\"1005\",\"source\":{\"trigger\":\"file\","
                            + "\"file\":\"wait.csv\",\"line\":1}}");
            List<JsonNode> records = awaitAudit(2);
            for (String id : List.of("1005", "1007")) {
                JsonNode record = recordOf(records, id);
                assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
                assertEquals("POLL", record.path("confirmedBy").asText());
                assertEquals(1, SIMULATOR.signOutCalls(id), "user " + id + " signed out once");
            }
            assertEquals(2, readAudit().size(), "one record per request: " + readAudit());
        } finally {
            second.stop();
        }
    }

    /** Other tests of the class leave their own files in done/. */
    private static void awaitShiftFilesDone(int count) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (shiftFilesDone() < count && System.nanoTime() < deadline) {
            BundleTestSupport.pause(50);
        }
        assertEquals(count, shiftFilesDone());
    }

    private static long shiftFilesDone() {
        return BundleTestSupport.fileNames(workDir("done")).stream()
                .filter(name -> name.startsWith("shift-") && name.endsWith(".csv") && !name.endsWith(".result.csv"))
                .count();
    }

    private static void dropSameFile() throws Exception {
        Path staging = Files.createDirectories(BundleTestSupport.ROOT.resolve("staging")).resolve("shift.csv");
        Files.writeString(staging, "1001\n1002\n1003\n1004\n");
        Files.setLastModifiedTime(staging, FileTime.from(FILE_TIME));
        Files.move(staging, Files.createDirectories(workDir("inbox")).resolve("shift.csv"));
    }

    private static Main start(boolean workerEnabled) throws Exception {
        Properties properties = SignoutTestSupport.bundleProperties();
        properties.put("signout.worker.enabled", String.valueOf(workerEnabled));
        return start(properties);
    }

    private static Main start(Properties properties) throws Exception {
        Main main = new Main(FinesseSignoutMain.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(properties);
        main.start();
        return main;
    }
}
