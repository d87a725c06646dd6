package dev.finessesignout.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The simulator's admin API (JSON, loopback): look at it, switch faults on and off, set a user's state, reset.
 * <pre>
 * GET    /simulator                       sides with their URLs, faults and call counts
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
        try (exchange) {
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
            } else if (parts.length == 3 && "reset".equals(parts[2]) && "POST".equals(method)) {
                simulator.reset();
                answer = overview();
            } else {
                answer = null;
            }
            reply(exchange, answer == null ? 404 : 200, answer == null ? Map.of("error", "not found") : answer);
        } catch (IOException | RuntimeException e) {
            reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
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

    private Map<String, Object> overview() {
        Map<String, Object> view = new LinkedHashMap<>();
        for (SimulatedSide side : simulator.sides()) {
            view.put("side" + side.name(), describe(side));
        }
        view.put("trustStore", simulator.trustStore().toAbsolutePath().toString());
        return view;
    }

    private static Map<String, Object> describe(SimulatedSide side) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("http", side.httpUrl());
        view.put("https", side.httpsUrl());
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
