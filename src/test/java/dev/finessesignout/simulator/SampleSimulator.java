package dev.finessesignout.simulator;

import java.nio.file.Path;

/** The sandbox's simulator setup, started on free loopback ports, with its trust store where the test wants it. */
public final class SampleSimulator {
    private SampleSimulator() {
    }

    public static FinesseSimulator start(FinesseSimulator.Ports ports, Path trustStore) {
        FinesseSimulator simulator = new FinesseSimulator(Path.of("samples/simulator-setup.json"), "127.0.0.1", ports,
                trustStore, "changeit");
        simulator.start();
        return simulator;
    }
}
