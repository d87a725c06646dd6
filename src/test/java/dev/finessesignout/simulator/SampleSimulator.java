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
        return start(Path.of("samples/simulator-setup.json"), ports, trustStore, externalXmpp);
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
            return start(file, ports, trustStore, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static FinesseSimulator start(Path setup, FinesseSimulator.Ports ports, Path trustStore,
            ExternalXmpp externalXmpp) {
        FinesseSimulator simulator = new FinesseSimulator(setup, "127.0.0.1", ports, trustStore, "changeit",
                externalXmpp);
        simulator.start();
        return simulator;
    }
}
