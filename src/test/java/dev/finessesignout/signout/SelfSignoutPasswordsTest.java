package dev.finessesignout.signout;

import dev.finessesignout.TestSecrets;

import java.util.Map;
import java.util.Properties;

import dev.finessesignout.simulator.SimulatorPasswords;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password references are resolved at start; a problem stops the start with a message that names no password. */
class SelfSignoutPasswordsTest {
    private static final String SECRET = "Pa55)w&rd%";
    private DefaultCamelContext context;
    private final Properties settings = new Properties();

    @BeforeEach
    void context() {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(settings);
        context.getPropertiesComponent().addPropertiesFunction(new SimulatorPasswords(null));
        System.setProperty("self-signout-test.secret", SECRET);
    }

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void eachListedUserGetsThePasswordItsReferenceNames() {
        settings.put("signout.self.SupervisorA.password", "{{sys:self-signout-test.secret}}");
        settings.put("signout.self.1004.password", "{{env:SELF_SIGNOUT_TEST_NO_SUCH_VARIABLE:agent-1004}}");
        assertEquals(Map.of("SupervisorA", SECRET, "1004", "agent-1004"),
                SelfSignoutPasswords.resolve(context, " SupervisorA, 1004 ,"));
        assertEquals(Map.of(), SelfSignoutPasswords.resolve(context, ""));
    }

    @Test
    void theServiceAccountIsNoSelfSignoutUser() {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> new FinesseAccounts("svc-signout", "service", Map.of("svc-signout", SECRET)));
        assertTrue(problem.getMessage().contains("lists the service account"), problem.getMessage());
        assertFalse(problem.getMessage().contains(SECRET));
    }

    @Test
    void aPasswordIsTakenAsItIsNeverReadAsPlaceholders() {
        settings.put("secret.1042.password", TestSecrets.PASSWORD_WITH_PLACEHOLDER);
        settings.put("signout.self.users", "not-this");
        settings.put("signout.self.1042.password", "{{secret.1042.password}}");
        assertEquals(Map.of("1042", TestSecrets.PASSWORD_WITH_PLACEHOLDER), SelfSignoutPasswords.resolve(context, "1042"));
    }

    @Test
    void problemsStopTheStartAndNameTheSettingButNoPassword() {
        assertProblem("SupervisorA", "signout.self.SupervisorA.password is not set");
        settings.put("signout.self.SupervisorA.password", "{{env:SELF_SIGNOUT_TEST_NO_SUCH_VARIABLE}}");
        assertProblem("SupervisorA", "SELF_SIGNOUT_TEST_NO_SUCH_VARIABLE");
        settings.put("signout.self.SupervisorA.password", "{{sys:self-signout-test.secret}}{{env:SELF_SIGNOUT_TEST_NO_SUCH_VARIABLE}}");
        assertProblem("SupervisorA", "must be one reference");
        settings.put("supervisora", SECRET);
        settings.put("signout.self.SupervisorA.password", "{{supervisora}}");
        assertProblem("SupervisorA", "must name a password");
        settings.put("signout.self.SupervisorA.password", "{{simulator-password:SupervisorA}}");
        assertProblem("SupervisorA", "works only with the built-in simulator");
        settings.put("signout.self.SupervisorA.password", "{{env:SELF_SIGNOUT_TEST_NO_SUCH_VARIABLE:}}");
        assertProblem("SupervisorA", "empty password");
        assertProblem("Supervisor/A", "signout.self.users");
    }

    private void assertProblem(String users, String expected) {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> SelfSignoutPasswords.resolve(context, users));
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
        assertFalse(problem.getMessage().contains(SECRET), problem.getMessage());
    }
}
