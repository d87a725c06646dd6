package dev.finessesignout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named schedules made from properties: a run finds its users (named, or signed in on teams), signs them out as one
 * batch with a result file and a summary, or only reports in a dry run; agents on a call are deferred or forced.
 * Runs are started as their cron time would start them (the Quartz job fires); one schedule proves the cron and
 * its time zone by firing on its own.
 */
class ScheduleTest extends SignoutTestSupport {
    /** UTC+14: a cron time read in UTC instead would be 14 hours off. */
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    private static final ZonedDateTime ZONED_FIRE_TIME = ZonedDateTime.now(KIRITIMATI).plusSeconds(12);

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("schedule.defer-check-interval", "300");
        schedule(properties, "zoned", Map.of("cron", String.format("%d %d %d %d %d ? %d", ZONED_FIRE_TIME.getSecond(),
                ZONED_FIRE_TIME.getMinute(), ZONED_FIRE_TIME.getHour(), ZONED_FIRE_TIME.getDayOfMonth(),
                ZONED_FIRE_TIME.getMonthValue(), ZONED_FIRE_TIME.getYear()), "timeZone", KIRITIMATI.getId(),
                "users", "1001", "dryRun", "true"));
        schedule(properties, "evening", Map.of("teams", "8", "onCall", "force"));
        schedule(properties, "everyone-dry", Map.of("supervisedTeams", "true", "dryRun", "true"));
        schedule(properties, "wait-for-call", Map.of("users", "1003,1004", "deferLimit", "60000"));
        schedule(properties, "short-wait", Map.of("users", "1006", "deferLimit", "600"));
        schedule(properties, "unsupervised", Map.of("teams", "9,8", "onCall", "force"));
        schedule(properties, "no-target", Map.of());
    }

    /** A schedule as an operator adds it to application.properties; its cron never comes unless given. */
    private static void schedule(Properties properties, String name, Map<String, String> settings) {
        String prefix = "camel.routeTemplate[schedule-" + name + "].";
        properties.put(prefix + "templateId", "signout-schedule");
        properties.put(prefix + "routeId", "schedule-" + name);
        properties.put(prefix + "name", name);
        properties.put(prefix + "cron", "0 0 0 1 1 ? 2099");
        settings.forEach((key, value) -> properties.put(prefix + key, value));
    }

    private void fire(String name) throws Exception {
        context.getComponent("quartz", QuartzComponent.class).getScheduler()
                .triggerJob(new JobKey(name, "finesse-signout"));
    }

    @Test
    void aCronTimeIsReadInTheSchedulesTimeZone() {
        List<String> reports = awaitFiles(workDir("schedules"), name -> name.startsWith("zoned-"), 1);
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).endsWith(".dry-run.csv"), reports.toString());
    }

    @Test
    void aRunSignsOutTheSignedInUsersOfItsTeamsAsOneBatch() throws Exception {
        fire("evening");
        List<JsonNode> records = awaitAudit(3);
        assertEquals(3, records.size(), "1012 is signed out already, so it is no target: " + records);
        for (String user : List.of("1009", "1010", "1011")) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
            assertEquals("schedule", record.path("source").path("trigger").asText());
            assertEquals("evening", record.path("source").path("schedule").asText());
            assertEquals("force", record.path("onCallPolicy").asText());
        }
        String batch = recordOf(records, "1009").path("source").path("batch").asText();
        List<String> files = awaitFiles(workDir("schedules"), name -> name.startsWith(batch), 2);
        assertTrue(files.contains(batch + ".summary.txt") && files.contains(batch + ".result.csv"), files.toString());
        String summary = read("schedules", batch + ".summary.txt");
        assertTrue(summary.contains("requests: 3") && summary.contains("Every request ended signed out"), summary);
        List<String> result = Files.readAllLines(workDir("schedules").resolve(batch + ".result.csv"));
        assertEquals(4, result.size(), "a header and one line per request: " + result);
    }

    @Test
    void aDryRunReportsWhatItWouldDoAndSignsNoOneOut() throws Exception {
        fire("everyone-dry");
        String report = read("schedules", awaitFiles(workDir("schedules"),
                name -> name.startsWith("everyone-dry-"), 1).get(0));
        assertTrue(report.contains("1001,7,READY,sign out now"), report);
        assertTrue(report.contains("1003,7,TALKING,wait for the call to end"), report);
        assertTrue(report.contains("1011,8,READY"), report);
        assertFalse(report.contains("1012"), "signed out already: " + report);
        assertFalse(report.contains("1013"), "team 9 is not supervised: " + report);
        pause(500);
        assertEquals("READY", SIMULATOR.directory().state("1001"));
        assertTrue(readAudit().isEmpty(), readAudit().toString());
    }

    @Test
    void deferWaitsForTheCallToEndThenSignsOut() throws Exception {
        fire("wait-for-call");
        JsonNode ready = recordOf(awaitAudit(1), "1004");
        assertEquals("CONFIRMED", ready.path("outcome").asText());
        assertTrue(ready.path("deferredSince").isMissingNode(), "1004 was not on a call: " + ready);
        pause(1500);
        assertEquals("TALKING", SIMULATOR.directory().state("1003"), "still on its call: not signed out");
        assertEquals(1, readAudit().size());

        SIMULATOR.directory().setState("1003", "NOT_READY");
        JsonNode deferred = recordOf(awaitAudit(2), "1003");
        assertEquals("CONFIRMED", deferred.path("outcome").asText(), deferred.toString());
        assertEquals("defer", deferred.path("onCallPolicy").asText());
        assertEquals("TALKING", deferred.path("deferredCallState").asText());
        assertTrue(deferred.path("deferralLimitReached").isMissingNode(), deferred.toString());
        assertTrue(deferred.path("sentAt").asText().compareTo(deferred.path("deferredSince").asText()) > 0);
    }

    @Test
    void aCallThatOutlastsTheLimitIsSignedOutAnyway() throws Exception {
        fire("short-wait");
        JsonNode record = recordOf(awaitAudit(1), "1006");
        assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
        assertEquals("HOLD", record.path("deferredCallState").asText());
        assertTrue(record.path("deferralLimitReached").asBoolean(), record.toString());
    }

    @Test
    void aTeamThatCannotBeListedIsAFailedRecordAndTheOtherTeamGoesOn() throws Exception {
        fire("unsupervised");
        List<JsonNode> records = awaitAudit(4);
        JsonNode failed = records.stream().filter(r -> r.path("userId").isMissingNode()).findFirst().orElseThrow();
        assertEquals("FAILED", failed.path("outcome").asText());
        assertTrue(failed.path("detail").asText().contains("team 9")
                && failed.path("detail").asText().contains("Invalid Supervisor"), failed.toString());
        assertEquals("CONFIRMED", recordOf(records, "1011").path("outcome").asText());
    }

    @Test
    void aScheduleWithoutATargetIsAnInvalidRecordAndSignsNoOneOut() throws Exception {
        fire("no-target");
        JsonNode record = awaitAudit(1).get(0);
        assertEquals("INVALID_REQUEST", record.path("outcome").asText());
        assertTrue(record.path("detail").asText().contains("exactly one target"), record.toString());
    }

    private static List<String> awaitFiles(java.nio.file.Path dir, java.util.function.Predicate<String> wanted,
            int count) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> names = fileNames(dir).stream().filter(wanted).toList();
        while (names.size() < count && System.nanoTime() < deadline) {
            pause(100);
            names = fileNames(dir).stream().filter(wanted).toList();
        }
        assertTrue(names.size() >= count, dir + " holds " + fileNames(dir));
        return names;
    }

    private static String read(String folder, String name) throws IOException {
        return Files.readString(workDir(folder).resolve(name), StandardCharsets.UTF_8);
    }
}
