package dev.finessesignout.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone, so that another tool (Postman, curl, a second bundle) can be pointed at it.
 * Settings are system properties with the same names as in application.properties (simulator.*).
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
                System.getProperty("simulator.trust-store-password", "changeit"));
        simulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static int port(String property, int defaultPort) {
        return Integer.parseInt(System.getProperty(property, String.valueOf(defaultPort)));
    }
}
