package dev.finessesignout.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.HostCheckingTrustManager;
import dev.finessesignout.simulator.xmpp.XmppClientSettings;
import dev.finessesignout.tls.XmppTlsMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * The two Prosody instances scripts/prosody.sh runs (side A and side B), as its servers.properties describes them:
 * where they listen, their domain, the trust store of their certificate, the publisher account. Kills and starts
 * them, logs clients in, and starts the simulator in external mode against them. The file is named by the system
 * property {@value #SERVERS_PROPERTY} (the prosody Maven profile sets it), else target/prosody/servers.properties.
 */
public final class ProsodyServers {
    public static final String SERVERS_PROPERTY = "finesse.it.servers";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Properties servers = new Properties();
    private final Path file;

    private ProsodyServers(Path file) throws IOException {
        this.file = file;
        try (InputStream in = Files.newInputStream(file)) {
            servers.load(in);
        }
    }

    /** Whether the build asks for tests against Prosody (-Dfinesse.it.xmpp=prosody, as the prosody profile sets). */
    public static boolean requested() {
        return "prosody".equals(System.getProperty("finesse.it.xmpp"));
    }

    /** The servers the running build started; fails with what to do when none were. */
    public static ProsodyServers fromSystemProperties() {
        Path file = Path.of(System.getProperty(SERVERS_PROPERTY, "target/prosody/servers.properties"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file.toAbsolutePath() + ": start the Prosody instances first "
                    + "(scripts/prosody.sh start), or run mvn verify -Pprosody, which does");
        }
        try {
            return new ProsodyServers(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public String host() {
        return value("host");
    }

    public String domain() {
        return value("domain");
    }

    /** The side's port for STARTTLS or for direct TLS. */
    public int port(String side, XmppTlsMode tls) {
        return Integer.parseInt(value(key(side) + (tls == XmppTlsMode.DIRECT ? ".direct-tls-port" : ".starttls-port")));
    }

    public Path trustStore() {
        return Path.of(value("trust-store"));
    }

    public String trustStorePassword() {
        return value("trust-store-password");
    }

    /** The account the servers make an admin, for the simulator to publish with. */
    public String publisher() {
        return value("publisher");
    }

    public String publisherPassword() {
        return value("publisher-password");
    }

    /** The chains the servers' certificate is trusted with. */
    public X509TrustManager trust() throws Exception {
        return HostCheckingTrustManager.of(trustStore(), trustStorePassword());
    }

    /** The settings with which the simulator publishes through these servers, over this kind of TLS. */
    public ExternalXmpp externalXmpp(XmppTlsMode tls) {
        return new ExternalXmpp(host(), host(), publisher(), publisherPassword(), tls, trustStore(),
                trustStorePassword());
    }

    /** The sandbox's simulator (REST on free ports) publishing through both servers over this kind of TLS. */
    public FinesseSimulator startSimulator(XmppTlsMode tls, Path simulatorTrustStore) {
        FinesseSimulator.Ports ports = new FinesseSimulator.Ports(0, 0, 0, 0, 0, port("A", tls), port("B", tls));
        return SampleSimulator.start(ports, simulatorTrustStore, externalXmpp(tls));
    }

    /** A client session with that side's server, as this user, trusting the servers' certificate. */
    public XMPPTCPConnection connect(String side, XmppTlsMode tls, String user, String password) throws Exception {
        return connect(side, tls, user, password, trust());
    }

    /** A client session trusting what {@code trust} trusts (to show that one trusting something else is refused). */
    public XMPPTCPConnection connect(String side, XmppTlsMode tls, String user, String password,
            X509TrustManager trust) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XmppClientSettings.of(tls, domain(), host(),
                port(side, tls), trust).setUsernameAndPassword(user, password).setResource("it-" + System.nanoTime())
                .build());
        return XmppClients.loggedIn(connection);
    }

    /** Kills that side's Prosody (SIGKILL, the pid in its pid file) and returns once its ports refuse connections. */
    public void kill(String side) throws Exception {
        long pid = Long.parseLong(Files.readString(Path.of(value(key(side) + ".pid-file"))).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "side " + side + "'s Prosody (pid " + pid + ") does not run"));
        process.destroyForcibly();
        process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitAccepting(side, false);
    }

    /** Starts that side's Prosody again, fresh, with its accounts (scripts/prosody.sh start a|b); no-op if it runs. */
    public void start(String side) throws Exception {
        ProcessBuilder start = new ProcessBuilder("bash", value("script"), "start", key(side));
        start.environment().put("PROSODY_DIR", file.getParent().toAbsolutePath().toString());
        Process script = start.redirectErrorStream(true)
                .redirectOutput(file.resolveSibling("start-" + key(side) + ".log").toFile())
                .start();
        if (!script.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || script.exitValue() != 0) {
            script.destroyForcibly();
            throw new IllegalStateException("scripts/prosody.sh start " + key(side) + " failed, see "
                    + file.resolveSibling("start-" + key(side) + ".log"));
        }
        awaitAccepting(side, true);
    }

    /**
     * Fails at once, saying what to do, when a side does not take connections (servers.properties left from an earlier
     * run, the instances stopped since), instead of every test waiting for a server that is not there.
     */
    public ProsodyServers requireRunning() {
        for (String side : new String[] {"A", "B"}) {
            if (!accepts(side)) {
                throw new IllegalStateException("side " + side + "'s Prosody (" + host() + ":"
                        + port(side, XmppTlsMode.STARTTLS) + ") does not take connections: start the instances first "
                        + "(scripts/prosody.sh start), or run mvn verify -Pprosody, which does");
            }
        }
        return this;
    }

    /** Whether that side's ports take TCP connections. */
    public boolean accepts(String side) {
        for (XmppTlsMode tls : XmppTlsMode.values()) {
            try (Socket socket = new Socket(host(), port(side, tls))) {
                // connected
            } catch (IOException refused) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a PKCS12 trust store holding the certificates of both stores given (e.g. the simulator's HTTPS and these
     * servers'), for a bundle whose one trust setting (finesse.tls.*) must cover REST and XMPP.
     */
    public Path combinedTrustStore(Path other, String otherPassword, Path target, String targetPassword)
            throws Exception {
        KeyStore combined = KeyStore.getInstance("PKCS12");
        combined.load(null, null);
        int n = 0;
        KeyStore servers = KeyStore.getInstance(trustStore().toFile(), trustStorePassword().toCharArray());
        KeyStore others = KeyStore.getInstance(other.toFile(), otherPassword.toCharArray());
        for (KeyStore store : new KeyStore[] {servers, others}) {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    combined.setCertificateEntry("trusted-" + ++n, certificate);
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            combined.store(out, targetPassword.toCharArray());
        }
        return target;
    }

    private void awaitAccepting(String side, boolean accepting) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (accepts(side) != accepting) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("side " + side + "'s Prosody still " + (accepting ? "refuses" : "takes")
                        + " connections after " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private String value(String key) {
        String value = servers.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value;
    }

    private static String key(String side) {
        String key = side.toLowerCase(Locale.ROOT);
        if (!key.equals("a") && !key.equals("b")) {
            throw new IllegalArgumentException("no side " + side + ": A or B");
        }
        return key;
    }
}
