package dev.finessesignout.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone, so that another tool (Postman, curl, a second bundle) can be pointed at it.
 * Settings are system properties with the same names as in application.properties (simulator.*); a password may also
 * come from the environment: -Dsimulator.xmpp.publisher.password is read first, then SIMULATOR_XMPP_PUBLISHER_PASSWORD.
 */
public final class FinesseSimulatorMain {
    private FinesseSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        FinesseSimulator simulator = new FinesseSimulator(
                Path.of(System.getProperty("simulator.setup-file", "samples/simulator-setup.json")),
                System.getProperty("simulator.host", "127.0.0.1"),
                new FinesseSimulator.Ports(port("simulator.side-a.http-port", 8082), port("simulator.side-a.https-port", 8445),
                        port("simulator.side-b.http-port", 8182), port("simulator.side-b.https-port", 8545),
                        port("simulator.admin-port", 8090), port("simulator.side-a.xmpp-port", 5222),
                        port("simulator.side-b.xmpp-port", 5322)),
                Path.of(System.getProperty("simulator.trust-store", "data/simulator/truststore.p12")),
                System.getProperty("simulator.trust-store-password", "changeit"), externalXmpp());
        simulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The external mode's settings, or null for the simulator's own XMPP servers (the default). */
    private static ExternalXmpp externalXmpp() {
        String host = System.getProperty("simulator.host", "127.0.0.1");
        return ExternalXmpp.of(System.getProperty("simulator.xmpp.server", "embedded"),
                System.getProperty("simulator.side-a.xmpp-host", host),
                System.getProperty("simulator.side-b.xmpp-host", host),
                System.getProperty("simulator.xmpp.publisher"), System.getProperty("simulator.xmpp.publisher.password",
                        System.getenv("SIMULATOR_XMPP_PUBLISHER_PASSWORD")),
                System.getProperty("simulator.xmpp.tls", "starttls"), System.getProperty("simulator.xmpp.trust-store"),
                System.getProperty("simulator.xmpp.trust-store-password"));
    }

    private static int port(String property, int defaultPort) {
        return Integer.parseInt(System.getProperty(property, String.valueOf(defaultPort)));
    }
}
