package dev.finessesignout.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.finessesignout.model.FinesseXml;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Finesse deployment on this machine: two nodes (side A and side B) sharing one directory of users, on loopback by
 * default, each with an HTTP port (as up to 11.6) and an HTTPS port with a self-signed certificate, plus an admin port
 * that switches faults on and off. Runs inside the bundle (the sandbox), inside tests, or alone
 * ({@link FinesseSimulatorMain}).
 */
public final class FinesseSimulator extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseSimulator.class);

    /** Where it listens; a port of 0 takes any free port, -1 switches that port off. */
    public record Ports(int sideAHttp, int sideAHttps, int sideBHttp, int sideBHttps, int admin) {
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    private final Path setupFile;
    private final String host;
    private final Ports ports;
    private final Path trustStore;
    private final String trustStorePassword;
    private final FinesseXml xml = new FinesseXml();
    private SimulatorSetup initialSetup;
    private FinesseDirectory directory;
    private SimulatedSide sideA;
    private SimulatedSide sideB;
    private HttpServer admin;
    private ExecutorService executor;
    private SelfSignedCertificate certificate;

    public FinesseSimulator(Path setupFile, String host, Ports ports, Path trustStore, String trustStorePassword) {
        this.setupFile = setupFile;
        this.host = host;
        this.ports = ports;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /** Reads the setup and writes the trust store, so that clients can be configured before the ports open. */
    @Override
    protected void doInit() throws Exception {
        initialSetup = SimulatorSetup.read(setupFile);
        certificate = new SelfSignedCertificate(host);
        certificate.writeTrustStore(trustStore, trustStorePassword);
    }

    @Override
    protected void doStart() throws Exception {
        directory = new FinesseDirectory(initialSetup);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "finesse-simulator");
            thread.setDaemon(true);
            return thread;
        });
        sideA = new SimulatedSide("A", host, ports.sideAHttp(), ports.sideAHttps(), directory, xml, executor,
                certificate.serverContext());
        sideB = new SimulatedSide("B", host, ports.sideBHttp(), ports.sideBHttps(), directory, xml, executor,
                certificate.serverContext());
        sideA.peerHost(host);
        sideB.peerHost(host);
        sideA.start();
        sideB.start();
        applyConfiguredFaults();
        if (ports.admin() >= 0) {
            admin = HttpServer.create(new InetSocketAddress(host, ports.admin()), 10);
            admin.createContext("/simulator", new AdminApi(this));
            admin.setExecutor(executor);
            admin.start();
        }
        LOG.warn("""

                ***************************************************************************************
                *  FINESSE SIMULATOR IN USE - no real Finesse is contacted.
                *  side A: {} {}
                *  side B: {} {}
                *  admin:  {}   trust store for its HTTPS ports: {}
                *  users from {}
                ***************************************************************************************""",
                sideA.httpUrl(), sideA.httpsUrl(), sideB.httpUrl(), sideB.httpsUrl(), adminUrl(),
                trustStore.toAbsolutePath(), setupFile.toAbsolutePath());
    }

    @Override
    protected void doStop() {
        if (admin != null) {
            admin.stop(0);
        }
        if (sideA != null) {
            sideA.stop();
            sideB.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public SimulatedSide side(String name) {
        return "B".equalsIgnoreCase(name) ? sideB : "A".equalsIgnoreCase(name) ? sideA : null;
    }

    public List<SimulatedSide> sides() {
        return List.of(sideA, sideB);
    }

    public FinesseDirectory directory() {
        return directory;
    }

    /** Every user back to its initial state, every fault and count cleared, with the documented variants given. */
    public void reset(SimulatorSetup.AlreadySignedOut already, SimulatorSetup.ReasonCodeRule reasonRule,
            boolean alternateErrorTypes) throws IOException {
        directory.reset(initialSetup.with(already, reasonRule, alternateErrorTypes));
        for (SimulatedSide side : sides()) {
            side.heal();
        }
        applyConfiguredFaults();
    }

    private void applyConfiguredFaults() throws IOException {
        for (SimulatedSide side : sides()) {
            Faults.Spec spec = initialSetup.faultsOf(side.name());
            if (spec != null) {
                side.apply(spec);
            }
        }
    }

    public void reset(SimulatorSetup.AlreadySignedOut already, SimulatorSetup.ReasonCodeRule reasonRule)
            throws IOException {
        reset(already, reasonRule, initialSetup.alternateErrorTypesOrDefault());
    }

    public void reset() throws IOException {
        reset(initialSetup.alreadySignedOutError(), initialSetup.reasonCodeRequired());
    }

    /** Sign-out PUTs for one user, both sides together. */
    public int signOutCalls(String userId) {
        return sides().stream().mapToInt(side -> side.calls("PUT", "/finesse/api/User/" + userId)).sum();
    }

    public String adminUrl() {
        return admin == null ? null : "http://" + host + ":" + admin.getAddress().getPort() + "/simulator";
    }

    public Path trustStore() {
        return trustStore;
    }
}
