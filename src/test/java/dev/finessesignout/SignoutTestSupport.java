package dev.finessesignout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import dev.finessesignout.simulator.FinesseSimulator;
import dev.finessesignout.simulator.SampleSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The bundle against a Finesse simulator on free loopback ports (HTTPS, with the trust store it writes). The simulator
 * is reset and the audit folder emptied before each test.
 */
public abstract class SignoutTestSupport extends BundleTestSupport {
    protected static final FinesseSimulator SIMULATOR = SampleSimulator.start(FinesseSimulator.Ports.ephemeral(),
            ROOT.resolve("data/simulator/truststore.p12"));
    protected static final String PASSWORD = "sandbox-only-password";

    @Override
    protected Properties baseProperties() {
        return bundleProperties();
    }

    /** The folders, plus the settings that point the bundle at the test simulator with short retry delays. */
    protected static Properties bundleProperties() {
        Properties properties = simulatorProperties(SIMULATOR);
        // no notification service here: an accepted sign-out is confirmed by GET User soon after
        properties.put("confirm.listener.enabled", "false");
        properties.put("confirm.notification-wait", "300");
        return properties;
    }

    @BeforeEach
    void resetSimulatorAndAudit() throws IOException {
        resetAll();
    }

    protected static void resetAll() throws IOException {
        SIMULATOR.reset();
        // agents on a call are signed out at once here; the confirmation tests cover pending sign-outs
        SIMULATOR.directory().callEnd(java.time.Duration.ZERO);
        emptyAuditFolder();
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

}
