package dev.finessesignout.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-outs sent to the simulator's REST side as the service account does it, expecting Finesse's 202. */
final class SignOuts {
    private static final String ACCOUNT = "svc-signout:sandbox-only-password";

    private SignOuts() {
    }

    /** PUT LOGOUT for the user through that side's HTTP port, with this requestId header. */
    static void signOut(FinesseSimulator simulator, String side, String userId, String requestId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.side(side).httpUrl() + "/finesse/api/User/" + userId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ACCOUNT.getBytes(StandardCharsets.UTF_8)))
                .header("requestId", requestId)
                .timeout(Duration.ofSeconds(20)) // a stuck simulator fails the test instead of hanging it
                .PUT(HttpRequest.BodyPublishers.ofString("<User><state>LOGOUT</state></User>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
    }
}
