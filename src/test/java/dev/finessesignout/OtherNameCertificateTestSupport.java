package dev.finessesignout;

import java.util.Properties;

import dev.finessesignout.simulator.FinesseSimulator;
import dev.finessesignout.simulator.SampleSimulator;
import org.junit.jupiter.api.AfterAll;

/**
 * The bundle, REST and XMPP, against a simulator whose certificate lists only finesse.example.com (as a Finesse
 * certificate issued for the node's name), while the bundle connects to 127.0.0.1.
 */
public abstract class OtherNameCertificateTestSupport extends BundleTestSupport {
    protected static final FinesseSimulator SIMULATOR = SampleSimulator.withCertificateOnlyFor("finesse.example.com",
            ROOT.resolve("other-name/truststore.p12"));

    @Override
    protected Properties baseProperties() {
        return confirmationProperties(SIMULATOR);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }
}
