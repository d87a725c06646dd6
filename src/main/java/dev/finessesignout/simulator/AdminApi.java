package dev.finessesignout.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The simulator's admin API (JSON, loopback): look at it, switch faults on and off, set a user's state, reset.
 * <pre>
 * GET    /simulator                       sides with their URLs, XMPP service, faults and call counts
 * PUT    /simulator/sides/{A|B}/faults    {"latencyMillis":..,"unavailableForMillis":..,"serverErrors":..,
 *                                          "refuseConnections":true|false,"redirectToHttps":true|false,
 *                                          "asyncFailures":..}
 * DELETE /simulator/sides/{A|B}/faults    clear them
 * GET    /simulator/users/{id}            state and lock-out of one user
 * PUT    /simulator/users/{id}/state      {"state":"READY"}
 * PUT    /simulator/notifications         {"childElements":true,"userElement":"User","eventCase":"lower",
 *                                          "emptyRequestId":true,"shuffled":true,"duplicated":true,
 *                                          "dropped":true,"beforeAnswer":true}: how notifications are written
 * POST   /simulator/traffic               {"team":"7","changes":10000,"exclude":["1001"]}: unrelated state changes
 * POST   /simulator/xmpp/outage?seconds=N both sides' XMPP services down for N seconds (sessions cut, clients' own
 *                                          subscriptions lost), back on the same ports after; answers at once, 409
 *                                          when a service is off, already down or not the simulator's own
 * POST   /simulator/sides/{A|B}/xmpp/outage?seconds=N   the same for one side's service; the other goes on
 * POST   /simulator/sides/{A|B}/xmpp/down                one side's service down until .../xmpp/up (409 when
 * POST   /simulator/sides/{A|B}/xmpp/up                  off, not the simulator's own, or already down)
 * POST   /simulator/reset                 every user back to the setup file, faults and counts cleared
 * </pre>
 */
final class AdminApi implements HttpHandler {
    private final FinesseSimulator simulator;
    private final ObjectMapper json = new ObjectMapper();

    AdminApi(FinesseSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // errors are answered inside the try-with-resources: an outer catch would run after the exchange was closed
        try (exchange) {
            int status;
            Object body;
            try {
                Object answer = route(exchange);
                status = answer == null ? 404 : 200;
                body = answer == null ? Map.of("error", "not found") : answer;
            } catch (IllegalStateException e) {
                status = 409;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (IOException | RuntimeException e) {
                status = 400;
                body = Map.of("error", String.valueOf(e.getMessage()));
            }
            reply(exchange, status, body);
        }
    }

    /** The answer to the call, or null when there is no such call. */
    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getPath().replaceAll("/+$", "").split("/");
        // parts: "", "simulator", ...
        Object answer;
        if (parts.length == 2 && "GET".equals(method)) {
            answer = overview();
        } else if (parts.length == 5 && "sides".equals(parts[2]) && "faults".equals(parts[4])
                && simulator.side(parts[3]) != null) {
            answer = faults(exchange, method, simulator.side(parts[3]));
        } else if (parts.length == 4 && "users".equals(parts[2]) && "GET".equals(method)) {
            answer = simulator.directory().describe(parts[3]);
        } else if (parts.length == 5 && "users".equals(parts[2]) && "state".equals(parts[4]) && "PUT".equals(method)) {
            String state = json.readTree(exchange.getRequestBody()).path("state").asText();
            answer = simulator.directory().setState(parts[3], state) ? simulator.directory().describe(parts[3]) : null;
        } else if (parts.length == 3 && "notifications".equals(parts[2]) && "PUT".equals(method)) {
            NotificationStyle style = json.readValue(exchange.getRequestBody(), NotificationStyle.class);
            simulator.notificationStyle(style);
            answer = style;
        } else if (parts.length == 3 && "traffic".equals(parts[2]) && "POST".equals(method)) {
            com.fasterxml.jackson.databind.JsonNode spec = json.readTree(exchange.getRequestBody());
            List<String> excluded = new java.util.ArrayList<>();
            spec.path("exclude").forEach(id -> excluded.add(id.asText()));
            answer = Map.of("changes", simulator.traffic(spec.path("team").asText(), spec.path("changes").asInt(),
                    excluded));
        } else if (parts.length == 4 && "xmpp".equals(parts[2]) && "outage".equals(parts[3])
                && "POST".equals(method)) {
            int seconds = outageSeconds(exchange.getRequestURI().getRawQuery());
            simulator.interruptNotifications(Duration.ofSeconds(seconds));
            answer = Map.of("xmppOutageSeconds", seconds, "sideA", xmpp("A"), "sideB", xmpp("B"));
        } else if (parts.length == 6 && "sides".equals(parts[2]) && "xmpp".equals(parts[4])
                && simulator.side(parts[3]) != null && "POST".equals(method)) {
            answer = sideXmpp(simulator.side(parts[3]).name(), parts[5], exchange.getRequestURI().getRawQuery());
        } else if (parts.length == 3 && "reset".equals(parts[2]) && "POST".equals(method)) {
            simulator.reset();
            answer = overview();
        } else {
            answer = null;
        }
        return answer;
    }

    private Object faults(HttpExchange exchange, String method, SimulatedSide side) throws IOException {
        if ("DELETE".equals(method)) {
            side.clearFaults();
        } else if ("PUT".equals(method)) {
            side.apply(json.readValue(exchange.getRequestBody(), Faults.Spec.class));
        } else {
            return null;
        }
        return describe(side);
    }

    /** One side's XMPP service: an outage of N seconds (answered at once), down, or up again; null for another action. */
    private Map<String, Object> sideXmpp(String side, String action, String query) {
        switch (action) {
            case "outage" -> simulator.interruptNotifications(side, Duration.ofSeconds(outageSeconds(query)));
            case "down" -> simulator.stopNotifications(side);
            case "up" -> simulator.resumeNotifications(side);
            default -> {
                return null;
            }
        }
        return xmpp(side);
    }

    /** The {@code seconds=N} of an outage, 1 to 3600. */
    private static int outageSeconds(String query) {
        int seconds = query == null ? 0 : Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.matches("seconds=\\d{1,4}"))
                .mapToInt(parameter -> Integer.parseInt(parameter.substring("seconds=".length())))
                .findFirst().orElse(0);
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("seconds=N is required, N from 1 to 3600");
        }
        return seconds;
    }

    /** A side's notification service: where it listens and whether it is down. */
    private Map<String, Object> xmpp(String side) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("address", simulator.xmppAddress(side));
        view.put("port", simulator.xmppPort(side));
        view.put("down", simulator.notificationsDown(side));
        view.put("published", simulator.notificationsPublished(side));
        return view;
    }

    private Map<String, Object> overview() {
        Map<String, Object> view = new LinkedHashMap<>();
        for (SimulatedSide side : simulator.sides()) {
            view.put("side" + side.name(), describe(side));
        }
        view.put("trustStore", simulator.trustStore().toAbsolutePath().toString());
        return view;
    }

    private Map<String, Object> describe(SimulatedSide side) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("http", side.httpUrl());
        view.put("https", side.httpsUrl());
        view.put("xmpp", xmpp(side.name()));
        view.put("refusingConnections", side.refusing());
        view.put("totalCalls", side.totalCalls());
        view.put("maxSignOutsInFlight", side.maxPutsInFlight());
        List<SimulatedSide.ReceivedCall> calls = side.recentCalls();
        view.put("newestCalls", calls.subList(Math.max(0, calls.size() - 20), calls.size()));
        return view;
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
