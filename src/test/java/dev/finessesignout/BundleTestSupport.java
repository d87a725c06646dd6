package dev.finessesignout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the whole bundle (routes/, application.properties, embedded broker) with its folders in a temporary directory,
 * and reads what it leaves there as a user would. One bundle per test class; Surefire runs each class in its own JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BundleTestSupport extends CamelMainTestSupport {
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Path ROOT = createRoot();

    @Override
    protected Class<?> getMainClass() {
        return FinesseSignoutMain.class;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties properties = baseProperties();
        overrideProperties(properties);
        configuration.withUseOverridePropertiesWithPropertiesComponent(properties);
    }

    /** The settings every test of the class starts from. */
    protected Properties baseProperties() {
        return folderProperties();
    }

    /** Subclasses change settings here (called from the constructor: use constants and static state only). */
    protected void overrideProperties(Properties properties) {
    }

    /** Work, audit and broker folders in the temporary directory. */
    protected static Properties folderProperties() {
        Properties properties = new Properties();
        properties.put("intake.dir", ROOT.resolve("work").toString());
        properties.put("intake.read-lock-check-interval", "100");
        properties.put("intake.read-lock-min-age", "100");
        properties.put("intake.poll-delay", "100");
        properties.put("audit.dir", auditDir().toString());
        properties.put("schedule.dir", workDir("schedules").toString());
        properties.put("broker.data-dir", ROOT.resolve("data/artemis").toString());
        properties.put("confirm.state-dir", ROOT.resolve("data/state").toString());
        return properties;
    }

    /** The folders and the settings that point the bundle at a simulator, with short retry delays. */
    protected static Properties simulatorProperties(dev.finessesignout.simulator.FinesseSimulator simulator) {
        Properties properties = folderProperties();
        properties.put("simulator.enabled", "false");
        properties.put("sandbox.copy-sample", "false");
        properties.put("finesse.password", "sandbox-only-password");
        // the shipped {{simulator-password:SupervisorA}} resolves with the built-in simulator only, not this one
        properties.put("signout.self.SupervisorA.password", "sandbox-supervisor-a");
        properties.put("finesse.side-a.url", simulator.side("A").httpsUrl());
        properties.put("finesse.side-b.url", simulator.side("B").httpsUrl());
        properties.put("finesse.tls.trust-store", simulator.trustStore().toString());
        properties.put("finesse.tls.trust-store-password", "changeit");
        properties.put("finesse.retry.redelivery-delay", "50");
        properties.put("finesse.retry.maximum-redelivery-delay", "400");
        properties.put("confirm.timeout-check-interval", "100");
        return properties;
    }

    /**
     * The bundle against this simulator, REST and XMPP, with short waits. (Here, not in ConfirmationTestSupport, whose
     * loading would start its own simulator, writing its trust store where another test's may be.)
     */
    protected static Properties confirmationProperties(dev.finessesignout.simulator.FinesseSimulator simulator) {
        Properties properties = simulatorProperties(simulator);
        properties.put("finesse.side-a.xmpp-host", "127.0.0.1");
        properties.put("finesse.side-a.xmpp-port", String.valueOf(simulator.xmppPort("A")));
        properties.put("finesse.side-b.xmpp-host", "127.0.0.1");
        properties.put("finesse.side-b.xmpp-port", String.valueOf(simulator.xmppPort("B")));
        properties.put("finesse.xmpp.domain", simulator.xmppDomain());
        properties.put("confirm.listener.reconnect-seconds", "1");
        properties.put("confirm.notification-wait", "3000");
        properties.put("confirm.pending-wait", "6000");
        return properties;
    }

    /** Drops a file into the inbox the way an operator would: written elsewhere, then moved in. */
    protected static void dropFile(String name, String content) {
        try {
            Path staging = Files.createDirectories(ROOT.resolve("staging")).resolve(name);
            Files.writeString(staging, content, StandardCharsets.UTF_8);
            Files.move(staging, Files.createDirectories(workDir("inbox")).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code count} audit records were written (at most a minute) and returns every record. */
    protected static List<JsonNode> awaitAudit(int count) {
        return awaitAudit(count, 60);
    }

    protected static List<JsonNode> awaitAudit(int count, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<JsonNode> records = readAudit();
        while (records.size() < count && System.nanoTime() < deadline) {
            pause(50);
            records = readAudit();
        }
        assertTrue(records.size() >= count, "expected " + count + " audit records, got " + records);
        return records;
    }

    /** Waits (at most a minute) until {@code dir} holds {@code count} files. */
    protected static List<String> awaitFiles(Path dir, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fileNames(dir).size() < count && System.nanoTime() < deadline) {
            pause(50);
        }
        List<String> names = fileNames(dir);
        assertTrue(names.size() >= count, dir + " holds " + names);
        return names;
    }

    protected static List<JsonNode> readAudit() {
        try (Stream<Path> files = Files.list(auditDir())) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).flatMap(BundleTestSupport::lines)
                    .map(BundleTestSupport::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static JsonNode recordOf(List<JsonNode> records, String userId) {
        return records.stream().filter(r -> userId.equals(r.path("userId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no audit record for user " + userId + " in " + records));
    }

    /** Moves the audit files aside (kept for SecretsNotInLogsIT, which reads everything the suite wrote). */
    protected static void emptyAuditFolder() throws IOException {
        Path earlier = Files.createDirectories(ROOT.resolve("work/audit-earlier"));
        try (Stream<Path> files = Files.list(auditDir())) {
            for (Path file : files.toList()) {
                Files.move(file, Files.createTempFile(earlier, "", "-" + file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    protected static Path workDir(String folder) {
        return ROOT.resolve("work").resolve(folder);
    }

    protected static Path auditDir() {
        return workDir("audit");
    }

    protected static List<String> fileNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, as one text: to search for what must never be written (a password). */
    protected static String allFilesUnder(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** The listener's session keeper of the bundle under test. */
    protected dev.finessesignout.confirm.NotificationSession notificationSession() {
        return context.getRegistry().lookupByNameAndType("notificationSession",
                dev.finessesignout.confirm.NotificationSession.class);
    }

    /** Until the listener is logged in and subscribed (at most 60 s). */
    protected void awaitListening() {
        await(() -> notificationSession().isListening(), "the notification listener is logged in and subscribed");
    }

    /** Until the condition holds, at most 60 s; then it must. */
    protected static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("audit line is not JSON: " + line, e);
        }
    }

    private static Path createRoot() {
        try {
            // under target/, kept after the test: SecretsNotInLogsIT reads every audit and work file of the suite
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target/test-runs").toAbsolutePath()),
                    "finesse-signout-test");
            Files.createDirectories(root.resolve("work/audit"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
