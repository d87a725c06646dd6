package dev.finessesignout.simulator;

import org.apache.camel.spi.PropertiesFunction;

/**
 * The property function {@code {{simulator-password:<user id>}}}: the password of a simulated user, from the built-in
 * simulator's setup file. It is the sandbox's password reference for its self sign-out user, so that no password is
 * written into application.properties; it resolves only while the built-in simulator runs, so that a configuration
 * pointed at a real Finesse never sends a simulated password there.
 */
public final class SimulatorPasswords implements PropertiesFunction {
    public static final String NAME = "simulator-password";
    private final FinesseSimulator simulator;

    /** @param simulator the built-in simulator, or null when it is off */
    public SimulatorPasswords(FinesseSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The password, or null (which Camel reports as unresolved) without the simulator or for an unknown user. */
    @Override
    public String apply(String userId) {
        return simulator == null ? null : simulator.passwordOf(userId);
    }
}
