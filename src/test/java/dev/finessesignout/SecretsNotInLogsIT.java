package dev.finessesignout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * After the whole suite (it runs in the integration-test phase, after every other test): no password the suite used
 * appears in anything it wrote, as it is or Base64 encoded. That is the console log of every test JVM (the bundle's
 * own logging configuration, with DEBUG where a secret could slip in, see log4j2-test.properties), every audit record
 * (JSON and XML), result file, summary, error report, work and state file of the bundles the tests ran, and the Prosody
 * servers' logs when that suite ran.
 */
class SecretsNotInLogsIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void noPasswordOfTheSuiteReachedALogOrAnAuditFile() throws Exception {
        SecretScan scan = new SecretScan(TestSecrets.all(TARGET.getParent()));
        // Prosody's logs, per instance, not its servers.properties and secrets.properties, which hold the passwords
        List<Path> read = new ArrayList<>(List.of(TARGET.resolve("surefire-reports"),
                TARGET.resolve("failsafe-reports"), TARGET.resolve("prosody/a"), TARGET.resolve("prosody/b")));
        // what each bundle wrote (work/: audit, results, summaries, reports; data/: its state), not its etc/, where
        // a test keeps the secrets file it hands to the bundle
        try (Stream<Path> runs = Files.list(TARGET.resolve("test-runs"))) {
            runs.forEach(run -> read.addAll(List.of(run.resolve("work"), run.resolve("data"))));
        }
        List<String> findings = scan.findingsUnder(read.toArray(Path[]::new));
        // never a failure that would itself print a password: findings name the file and the account only
        assertEquals(List.of(), findings);
        assertTrue(count("surefire-reports", "-output.txt") > 20, "the test logs were there to read");
        assertTrue(count("test-runs", ".jsonl") > 20, "the audit files were there to read");
        assertTrue(scan.filesRead() > 100, "read " + scan.filesRead() + " files");
    }

    private static long count(String folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(TARGET.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(suffix)).count();
        }
    }
}
