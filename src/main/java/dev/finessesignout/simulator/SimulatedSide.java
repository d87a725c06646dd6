package dev.finessesignout.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.FinesseXmlException;
import dev.finessesignout.model.SystemInfo;
import dev.finessesignout.model.User;

/** One simulated Finesse node (side A or B): its HTTP and HTTPS ports, its faults and its call counts. */
public final class SimulatedSide {
    private static final Pattern USER = Pattern.compile("/finesse/api/User/([^/]+)/?");
    private static final Pattern TEAM = Pattern.compile("/finesse/api/Team/([^/]+)/?");
    private static final Pattern SYSTEM_INFO = Pattern.compile("/finesse/api/SystemInfo/?");
    private static final int RECENT_CALLS = 1000;

    /**
     * A call as the node received it (the newest {@value #RECENT_CALLS} are kept); {@code account} is the user name of
     * its Basic credentials, as Finesse's access log shows it (never the password).
     */
    public record ReceivedCall(String method, String path, String requestId, String contentType, String body,
            String account) {
    }

    private final String name;
    private final String host;
    private final FinesseDirectory directory;
    private final FinesseXml xml;
    private final Executor executor;
    private final SSLContext ssl;
    private final Runnable beforeAnswer;
    private final Faults faults = new Faults();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger putsInFlight = new AtomicInteger();
    private final AtomicInteger maxPutsInFlight = new AtomicInteger();
    private final Deque<ReceivedCall> recentCalls = new ArrayDeque<>();
    private int httpPort;
    private int httpsPort;
    private String peerHost = "";
    private HttpServer http;
    private HttpsServer https;
    private boolean refusing;

    SimulatedSide(String name, String host, int httpPort, int httpsPort, FinesseDirectory directory, FinesseXml xml,
            Executor executor, SSLContext ssl, Runnable beforeAnswer) {
        this.name = name;
        this.host = host;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.directory = directory;
        this.xml = xml;
        this.executor = executor;
        this.ssl = ssl;
        this.beforeAnswer = beforeAnswer;
    }

    synchronized void start() throws IOException {
        if (httpPort >= 0) {
            http = HttpServer.create(new InetSocketAddress(host, httpPort), 50);
            http.createContext("/", exchange -> handle(exchange, false));
            http.setExecutor(executor);
            http.start();
            httpPort = http.getAddress().getPort();
        }
        if (httpsPort >= 0) {
            https = HttpsServer.create(new InetSocketAddress(host, httpsPort), 50);
            https.setHttpsConfigurator(new HttpsConfigurator(ssl));
            https.createContext("/", exchange -> handle(exchange, true));
            https.setExecutor(executor);
            https.start();
            httpsPort = https.getAddress().getPort();
        }
    }

    synchronized void stop() {
        if (http != null) {
            http.stop(0);
            http = null;
        }
        if (https != null) {
            https.stop(0);
            https = null;
        }
    }

    /** Closes (or reopens) the node's ports: clients get "connection refused", as from a node that is down. */
    public synchronized void refuseConnections(boolean refuse) throws IOException {
        if (refuse && !refusing) {
            stop();
        } else if (!refuse && refusing) {
            start();
        }
        refusing = refuse;
    }

    public Faults faults() {
        return faults;
    }

    /** Switches on the faults a spec names (refused connections included); the others stay as they are. */
    public void apply(Faults.Spec spec) throws IOException {
        faults.apply(spec);
        if (spec.refuseConnections() != null) {
            refuseConnections(spec.refuseConnections());
        }
    }

    /** Clears every fault and reopens the ports. */
    public synchronized void clearFaults() throws IOException {
        faults.clear();
        refuseConnections(false);
    }

    /** Clears every fault, reopens the ports and forgets the call counts and recent calls. */
    public synchronized void heal() throws IOException {
        clearFaults();
        calls.clear();
        maxPutsInFlight.set(0);
        synchronized (recentCalls) {
            recentCalls.clear();
        }
    }

    /** The newest calls this node received, oldest first. */
    public List<ReceivedCall> recentCalls() {
        synchronized (recentCalls) {
            return List.copyOf(recentCalls);
        }
    }

    private void remember(ReceivedCall call) {
        synchronized (recentCalls) {
            if (recentCalls.size() == RECENT_CALLS) {
                recentCalls.removeFirst();
            }
            recentCalls.addLast(call);
        }
    }

    public String name() {
        return name;
    }

    public String httpUrl() {
        return httpPort < 0 ? null : "http://" + host + ":" + httpPort;
    }

    public String httpsUrl() {
        return httpsPort < 0 ? null : "https://" + host + ":" + httpsPort;
    }

    /** How many calls this node received for {@code method path}, e.g. {@code PUT /finesse/api/User/1042}. */
    public int calls(String method, String path) {
        AtomicInteger count = calls.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The most sign-out PUTs this node was answering at the same time. */
    public int maxPutsInFlight() {
        return maxPutsInFlight.get();
    }

    public synchronized boolean refusing() {
        return refusing;
    }

    void peerHost(String peer) {
        this.peerHost = peer;
    }

    private void handle(HttpExchange exchange, boolean secure) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        calls.computeIfAbsent(method + " " + path.replaceAll("/$", ""), k -> new AtomicInteger()).incrementAndGet();
        boolean put = "PUT".equals(method);
        if (put) {
            maxPutsInFlight.accumulateAndGet(putsInFlight.incrementAndGet(), Math::max);
        }
        try (exchange) {
            Answer answer = answer(exchange, method, path, secure);
            beforeAnswer.run();
            String requestId = exchange.getRequestHeaders().getFirst("requestId");
            if (requestId != null) {
                exchange.getResponseHeaders().add("requestId", requestId);
            }
            byte[] body = answer.body() == null ? new byte[0] : xml.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/xml;charset=UTF-8");
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            if (put) {
                putsInFlight.decrementAndGet();
            }
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, boolean secure) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        remember(new ReceivedCall(method, path, exchange.getRequestHeaders().getFirst("requestId"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, FinesseDirectory.basicUser(authorization)));
        if (!secure && faults.redirectsToHttps() && httpsPort >= 0) {
            exchange.getResponseHeaders().add("Location", httpsUrl() + exchange.getRequestURI());
            return Answer.of(301, null);
        }
        pause(faults.latencyMillis());
        boolean systemInfo = SYSTEM_INFO.matcher(path).matches();
        if (faults.unavailable() && !systemInfo) {
            return Answer.error(503, directory.spelling("Service Unavailable", "SERVER_OUT_OF_SERVICE"),
                    "Finesse is out of service", null);
        }
        if (faults.takeServerError()) {
            return Answer.error(500, directory.spelling("Internal Server Error", "RUNTIME_EXCEPTION"),
                    "Unexpected server error", null);
        }
        SimulatedUser actor = directory.authenticate(authorization);
        if (actor == null) {
            return Answer.error(401, "Authorization Failure", "Unauthorized", null);
        }
        if (systemInfo && "GET".equals(method)) {
            return Answer.of(200, directory.systemInfo(faults.unavailable() ? "OUT_OF_SERVICE" : SystemInfo.IN_SERVICE,
                    host, peerHost));
        }
        Matcher user = USER.matcher(path);
        if (user.matches() && "GET".equals(method)) {
            return directory.user(actor, user.group(1));
        }
        if (user.matches() && "PUT".equals(method)) {
            return changeState(actor, user.group(1), body, exchange.getRequestHeaders().getFirst("requestId"));
        }
        Matcher team = TEAM.matcher(path);
        if (team.matches() && "GET".equals(method)) {
            String query = URI.create(exchange.getRequestURI().toString()).getRawQuery();
            return directory.team(actor, team.group(1), query != null && query.contains("includeLoggedOutAgents=true"));
        }
        return Answer.error(404, "Not Found", "No resource " + method + " " + path, null);
    }

    private Answer changeState(SimulatedUser actor, String userId, String body, String requestId) {
        try {
            return directory.changeState(actor, userId, xml.read(body, User.class), requestId,
                    faults.takeAsyncFailure());
        } catch (FinesseXmlException e) {
            return Answer.error(400, directory.spelling("Bad Request", "Generic Error"), e.getMessage(), null);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
