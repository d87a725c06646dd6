package dev.finessesignout.simulator;

import java.nio.file.Path;

/** The sandbox's simulator setup, started on free loopback ports, with its trust store where the test wants it. */
public final class SampleSimulator {
    private SampleSimulator() {
    }

    public static FinesseSimulator start(FinesseSimulator.Ports ports, Path trustStore) {
        return start(Path.of("samples/simulator-setup.json"), ports, trustStore);
    }

    /** The sample simulator with XMPP, its certificate issued for this one name (a node's FQDN, say). */
    public static FinesseSimulator withCertificateOnlyFor(String name, Path trustStore) {
        return startWith(java.util.Map.of("certificateNames", java.util.List.of(name)),
                FinesseSimulator.Ports.ephemeralWithXmpp(), trustStore);
    }

    /** The sample setup with some of its top-level settings replaced (e.g. "certificateNames"). */
    public static FinesseSimulator startWith(java.util.Map<String, Object> settings, FinesseSimulator.Ports ports,
            Path trustStore) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode setup = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(Path.of("samples/simulator-setup.json").toFile());
            settings.forEach((name, value) -> setup.set(name, json.valueToTree(value)));
            Path file = java.nio.file.Files.createTempFile(java.nio.file.Files.createDirectories(trustStore.getParent()),
                    "simulator-setup", ".json");
            json.writeValue(file.toFile(), setup);
            return start(file, ports, trustStore);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static FinesseSimulator start(Path setup, FinesseSimulator.Ports ports, Path trustStore) {
        FinesseSimulator simulator = new FinesseSimulator(setup, "127.0.0.1", ports, trustStore, "changeit");
        simulator.start();
        return simulator;
    }
}
