package dev.finessesignout;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.simulator.FinesseSimulator;
import dev.finessesignout.simulator.SampleSimulator;
import dev.finessesignout.simulator.NotificationStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;


/**
 * The bundle with its notification listener, against a simulator that publishes through an embedded XMPP server per
 * side on free loopback ports. The listener logs in as the service account and watches teams 7 and 8.
 */
public abstract class ConfirmationTestSupport extends BundleTestSupport {
    protected static final FinesseSimulator SIMULATOR = SampleSimulator.start(FinesseSimulator.Ports.ephemeralWithXmpp(),
            ROOT.resolve("data/simulator/truststore.p12"));

    @Override
    protected Properties baseProperties() {
        return confirmationProperties(SIMULATOR);
    }

    @BeforeEach
    void resetSimulatorAndAudit() throws IOException {
        SIMULATOR.reset();
        SIMULATOR.directory().callEnd(Duration.ZERO);
        emptyAuditFolder();
        if (listens()) {
            awaitListening();
        }
    }

    /** The listener is expected to log in (not with a wrong password). */
    protected boolean listens() {
        return true;
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    protected static NotificationStyle style(String json) {
        try {
            return new ObjectMapper().readValue(json, NotificationStyle.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

}
