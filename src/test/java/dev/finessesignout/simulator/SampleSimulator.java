package dev.finessesignout.simulator;

import java.nio.file.Path;

/**
 * The sandbox's simulator setup, started on the ports given (free loopback ports for 0), with its trust store where
 * the test wants it; with its own XMPP servers, or publishing through external ones.
 */
public final class SampleSimulator {
    private SampleSimulator() {
    }

    public static FinesseSimulator start(FinesseSimulator.Ports ports, Path trustStore) {
        return start(ports, trustStore, null);
    }

    /** In external mode ({@code externalXmpp} not null) the XMPP ports are the external servers'. */
    public static FinesseSimulator start(FinesseSimulator.Ports ports, Path trustStore, ExternalXmpp externalXmpp) {
        FinesseSimulator simulator = new FinesseSimulator(Path.of("samples/simulator-setup.json"), "127.0.0.1", ports,
                trustStore, "changeit", externalXmpp);
        simulator.start();
        return simulator;
    }
}
