package dev.finessesignout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every property can be set without editing application.properties, as documented: environment variable, -D, or
 * another configuration file. Resolved the way the bundle's main class resolves it, in a fresh JVM.
 */
class ConfigurationOverrideTest {

    @Test
    void applicationPropertiesGivesTheDefault() throws Exception {
        assertEquals("work/audit", resolve("audit.dir", Map.of(), List.of()));
    }

    @Test
    void anEnvironmentVariableOverridesIt() throws Exception {
        assertEquals("https://finesse-a.example.com:8445",
                resolve("finesse.side-a.url", Map.of("FINESSE_SIDE_A_URL", "https://finesse-a.example.com:8445"), List.of()));
        assertEquals("7", resolve("signout.max-in-flight", Map.of("SIGNOUT_MAX_IN_FLIGHT", "7"), List.of()));
    }

    @Test
    void aSystemPropertyOverridesIt() throws Exception {
        assertEquals("/srv/audit", resolve("audit.dir", Map.of(), List.of("-Daudit.dir=/srv/audit")));
    }

    @Test
    void anotherConfigurationFileCanBeNamed() throws Exception {
        Path other = Files.createTempFile("finesse-signout", ".properties");
        Files.writeString(other, "audit.dir = /var/log/finesse-signout\n");
        assertEquals("/var/log/finesse-signout",
                resolve("audit.dir", Map.of(), List.of("-Dfinesse.signout.config=" + other)));
    }

    @Test
    void aPasswordReferenceNamesAnEnvironmentVariable() throws Exception {
        assertEquals(TestSecrets.ENVIRONMENT_PASSWORD, resolve("signout.self.SupervisorA.password",
                Map.of("FINESSE_PASSWORD_SUPERVISORA", TestSecrets.ENVIRONMENT_PASSWORD),
                List.of("-Dsignout.self.SupervisorA.password={{env:FINESSE_PASSWORD_SUPERVISORA}}")));
    }

    @Test
    void theSettingItselfCanComeFromTheEnvironmentAsPasswordOrAsReference() throws Exception {
        assertEquals(TestSecrets.SHORT_ENVIRONMENT_PASSWORD, resolve("signout.self.SupervisorA.password",
                Map.of("SIGNOUT_SELF_SUPERVISORA_PASSWORD", TestSecrets.SHORT_ENVIRONMENT_PASSWORD), List.of()));
        assertEquals(TestSecrets.SHORT_ENVIRONMENT_PASSWORD, resolve("signout.self.SupervisorA.password", Map.of("SIGNOUT_SELF_SUPERVISORA_PASSWORD",
                "{{env:FINESSE_PASSWORD_SUPERVISORA}}", "FINESSE_PASSWORD_SUPERVISORA", TestSecrets.SHORT_ENVIRONMENT_PASSWORD), List.of()));
    }

    @Test
    void orAKeyOfASecretsFileNamedByEnvironmentVariableOrSystemProperty() throws Exception {
        Path secrets = Files.createTempFile("finesse-signout-secrets", ".properties");
        Files.writeString(secrets, "secret.SupervisorA.password = " + TestSecrets.ENVIRONMENT_PASSWORD
                + "\nfinesse.password = " + TestSecrets.SECRETS_FILE_SERVICE_PASSWORD + "\n");
        String reference = "-Dsignout.self.SupervisorA.password={{secret.SupervisorA.password}}";
        assertEquals(TestSecrets.ENVIRONMENT_PASSWORD, resolve("signout.self.SupervisorA.password",
                Map.of("FINESSE_SIGNOUT_SECRETS", secrets.toString()), List.of(reference)));
        assertEquals(TestSecrets.ENVIRONMENT_PASSWORD, resolve("signout.self.SupervisorA.password", Map.of(),
                List.of(reference, "-Dfinesse.signout.secrets=" + secrets)));
        // it also gives the service account's password; the other settings of application.properties stay
        assertEquals(TestSecrets.SECRETS_FILE_SERVICE_PASSWORD, resolve("finesse.password", Map.of("FINESSE_SIGNOUT_SECRETS", secrets.toString()), List.of()));
        assertEquals("work/audit", resolve("audit.dir", Map.of("FINESSE_SIGNOUT_SECRETS", secrets.toString()), List.of()));
    }

    private static String resolve(String key, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PropertyProbe.class.getName(), key));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().filter(line -> line.startsWith("RESOLVED=")).findFirst()
                .map(line -> line.substring("RESOLVED=".length())).orElseThrow(() -> new AssertionError(out));
    }
}
