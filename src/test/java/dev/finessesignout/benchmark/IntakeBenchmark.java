package dev.finessesignout.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.finessesignout.FinesseSignoutMain;
import dev.finessesignout.simulator.FinesseSimulatorMain;
import org.apache.camel.main.Main;

/**
 * Sign-out files of growing size through the whole bundle (intake, durable queue, HTTPS to the simulator, audit) and
 * prints lines per second and the peak heap of the bundle's JVM. The simulator runs in its own process so that its
 * memory is not counted. Run with {@code mvn -Pbenchmark verify}; the figures also go to target/benchmark/intake.txt.
 */
public final class IntakeBenchmark {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Stream.of((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
                .mapToInt(size -> Integer.parseInt(size.trim())).toArray();
        int largest = java.util.Arrays.stream(sizes).max().orElseThrow();
        Path root = Files.createTempDirectory("finesse-signout-benchmark");
        int[] ports = {freePort(), freePort(), freePort(), freePort(), freePort()};
        Process simulator = startSimulator(root, writeSetup(root, largest), ports);
        String admin = "http://127.0.0.1:" + ports[2] + "/simulator";
        HttpClient http = HttpClient.newHttpClient();
        awaitUp(http, admin);

        Main bundle = startBundle(root, ports);
        awaitListening(bundle);
        HeapPeak peak = new HeapPeak();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-9s %10s %11s %13s %12s %13s %13s %9s %9s", "lines", "intake s", "intake /s",
                "intake live", "proven s", "proven /s", "sign-out live", "groups", "by notif."));
        try {
            for (int size : sizes) {
                http.send(HttpRequest.newBuilder(URI.create(admin + "/reset")).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.discarding());
                Path audit = root.resolve("work/audit");
                deleteAll(audit);
                int doneBefore = count(root.resolve("work/done"));
                // intake alone: the file is read and every line queued durably, nothing sent yet
                bundle.getCamelContext().getRouteController().stopRoute("signout-worker");
                System.gc();
                peak.reset();
                long start = System.nanoTime();
                drop(root, size);
                while (count(root.resolve("work/done")) == doneBefore) {
                    Thread.sleep(20);
                }
                double intake = seconds(start);
                System.gc();
                Thread.sleep(50);
                double intakeHeap = peak.max() / 1048576.0;
                // then the worker signs the queued requests out
                System.gc();
                peak.reset();
                start = System.nanoTime();
                bundle.getCamelContext().getRouteController().startRoute("signout-worker");
                LineCounter counter = new LineCounter(audit);
                while (counter.lines() < size) {
                    Thread.sleep(100);
                }
                double signOut = seconds(start);
                System.gc();
                Thread.sleep(50);
                int waiting = bundle.getCamelContext().getRegistry().lookupByNameAndType("confirmationRepository",
                        org.apache.camel.spi.AggregationRepository.class).getKeys().size();
                lines.add(String.format("%-9d %10.1f %11.0f %10.0f MB %12.1f %13.0f %10.0f MB %9d %9d", size, intake,
                        size / intake, intakeHeap, signOut, size / signOut, peak.max() / 1048576.0, waiting,
                        byNotification(audit)));
                System.out.println(lines.get(lines.size() - 1));
            }
        } finally {
            peak.stop();
            bundle.stop();
            simulator.destroy();
        }
        lines.add("heap limit " + MEMORY.getHeapMemoryUsage().getMax() / 1048576 + " MB, "
                + Runtime.getRuntime().availableProcessors() + " cores, signout.max-in-flight 4, HTTPS");
        Path report = Files.createDirectories(Path.of("target/benchmark")).resolve("intake.txt");
        Files.write(report, lines);
        System.out.println(String.join("\n", lines));
        System.out.println("written to " + report.toAbsolutePath());
    }

    private static Main startBundle(Path root, int[] ports) throws Exception {
        Properties properties = new Properties();
        properties.put("simulator.enabled", "false");
        properties.put("signout.self.users", ""); // the sandbox's SupervisorA reference needs the built-in simulator
        properties.put("sandbox.copy-sample", "false");
        properties.put("finesse.side-a.url", "https://127.0.0.1:" + ports[0]);
        properties.put("finesse.side-b.url", "https://127.0.0.1:" + ports[1]);
        properties.put("finesse.tls.trust-store", root.resolve("truststore.p12").toString());
        properties.put("finesse.tls.trust-store-password", "changeit");
        properties.put("intake.dir", root.resolve("work").toString());
        properties.put("intake.read-lock-check-interval", "100");
        properties.put("intake.read-lock-min-age", "100");
        properties.put("intake.poll-delay", "100");
        properties.put("audit.dir", root.resolve("work/audit").toString());
        properties.put("broker.data-dir", root.resolve("data/artemis").toString());
        properties.put("confirm.state-dir", root.resolve("data/state").toString());
        properties.put("finesse.side-a.xmpp-host", "127.0.0.1");
        properties.put("finesse.side-a.xmpp-port", String.valueOf(ports[3]));
        properties.put("finesse.side-b.xmpp-host", "127.0.0.1");
        properties.put("finesse.side-b.xmpp-port", String.valueOf(ports[4]));
        Main main = new Main(FinesseSignoutMain.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(properties);
        main.start();
        return main;
    }

    /** How many records were confirmed by a notification (the rest by GET User). */
    private static long byNotification(Path audit) throws IOException {
        try (Stream<Path> files = Files.list(audit)) {
            long count = 0;
            for (Path file : files.toList()) {
                try (Stream<String> records = Files.lines(file)) {
                    count += records.filter(line -> line.contains("\"confirmedBy\":\"NOTIFICATION")).count();
                }
            }
            return count;
        }
    }

    /** Sign-outs are proven by the simulator's notifications: wait until the listener is subscribed. */
    private static void awaitListening(Main bundle) throws InterruptedException {
        var session = bundle.getCamelContext().getRegistry().lookupByNameAndType("notificationSession",
                dev.finessesignout.confirm.NotificationSession.class);
        for (int i = 0; i < 1200 && !session.isListening(); i++) {
            Thread.sleep(100);
        }
        if (!session.isListening()) {
            throw new IllegalStateException("the notification listener did not start");
        }
    }

    private static Process startSimulator(Path root, Path setup, int[] ports) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dsimulator.setup-file=" + setup, "-Dsimulator.side-a.http-port=-1",
                "-Dsimulator.side-a.https-port=" + ports[0], "-Dsimulator.side-b.http-port=-1",
                "-Dsimulator.side-b.https-port=" + ports[1], "-Dsimulator.admin-port=" + ports[2],
                "-Dsimulator.side-a.xmpp-port=" + ports[3], "-Dsimulator.side-b.xmpp-port=" + ports[4],
                "-Dsimulator.trust-store=" + root.resolve("truststore.p12"),
                "-cp", System.getProperty("java.class.path"), FinesseSimulatorMain.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("simulator.log").toFile()).start();
    }

    /** svc-signout supervises team 7, which holds {@code agents} signed-in agents b1, b2, ... */
    private static Path writeSetup(Path root, int agents) throws IOException {
        Path setup = root.resolve("setup.json");
        try (Writer out = Files.newBufferedWriter(setup)) {
            out.write("{\"teams\":[{\"id\":\"7\",\"name\":\"Bench\"}],\"users\":[{\"id\":\"svc-signout\","
                    + "\"password\":\"sandbox-only-password\",\"role\":\"SUPERVISOR\",\"teamId\":\"7\","
                    + "\"supervises\":[\"7\"],\"state\":\"NOT_READY\"}");
            for (int i = 1; i <= agents; i++) {
                out.write(",{\"id\":\"b" + i + "\",\"password\":\"x\",\"role\":\"AGENT\",\"teamId\":\"7\",\"state\":\"READY\"}");
            }
            out.write("]}");
        }
        return setup;
    }

    private static void drop(Path root, int size) throws IOException {
        Path staging = Files.createDirectories(root.resolve("staging")).resolve("bench-" + size + ".csv");
        try (Writer out = Files.newBufferedWriter(staging)) {
            out.write("userId\n");
            for (int i = 1; i <= size; i++) {
                out.write("b" + i + "\n");
            }
        }
        Files.move(staging, Files.createDirectories(root.resolve("work/inbox")).resolve(staging.getFileName()));
    }

    /** Counts the lines of the audit folder's files, reading only what was added since the last count. */
    private static final class LineCounter {
        private final Path dir;
        private final java.util.Map<Path, Long> read = new java.util.HashMap<>();
        private long lines;

        LineCounter(Path dir) {
            this.dir = dir;
        }

        long lines() throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file)) {
                        in.position(read.getOrDefault(file, 0L));
                        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
                        for (int n; (n = in.read(buffer)) > 0; buffer.clear()) {
                            for (int i = 0; i < n; i++) {
                                lines += buffer.get(i) == '\n' ? 1 : 0;
                            }
                        }
                        read.put(file, in.position());
                    }
                }
            }
            return lines;
        }
    }

    private static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(file -> file.toString().endsWith(".csv") && !file.toString().endsWith(".result.csv"))
                    .count(); // the processed files, not their result files or summaries
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static void awaitUp(HttpClient http, String admin) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(admin)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the simulator did not start; see its log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The highest live heap seen: the heap pools' usage right after their latest collection (garbage not counted),
     * sampled every 10 ms. This is the memory the bundle needs, not what the collector let pile up.
     */
    private static final class HeapPeak {
        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;

        HeapPeak() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                            .map(java.lang.management.MemoryPoolMXBean::getCollectionUsage)
                            .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    max.accumulateAndGet(live, Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        void reset() {
            max.set(0);
        }

        long max() {
            return max.get();
        }

        void stop() {
            sampler.interrupt();
        }
    }
}
