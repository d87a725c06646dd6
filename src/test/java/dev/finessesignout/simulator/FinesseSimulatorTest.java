package dev.finessesignout.simulator;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;


import dev.finessesignout.model.ApiErrors;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.SystemInfo;
import dev.finessesignout.model.Team;
import dev.finessesignout.model.User;
import dev.finessesignout.simulator.SimulatorSetup.AlreadySignedOut;
import dev.finessesignout.simulator.SimulatorSetup.ReasonCodeRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator over HTTP, as any Finesse client sees it: the contract's sections 1 to 4. */
class FinesseSimulatorTest {
    private static final String SVC = "svc-signout:sandbox-only-password";
    private static final FinesseXml XML = new FinesseXml();
    private static FinesseSimulator simulator;
    private static HttpClient client;
    private static String a;

    @BeforeAll
    static void start() throws Exception {
        Path trustStore = Files.createTempDirectory("simulator-test").resolve("truststore.p12");
        simulator = SampleSimulator.start(FinesseSimulator.Ports.ephemeral(), trustStore);
        client = HttpClient.newBuilder().sslContext(TrustingClients.trusting(trustStore)).connectTimeout(Duration.ofSeconds(5)).build();
        a = simulator.side("A").httpUrl();
    }

    @AfterAll
    static void stop() {
        simulator.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        simulator.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.NONE);
        simulator.directory().callEnd(Duration.ZERO); // the sample setup lets calls end 8 s after a sign-out
    }

    @Test
    void aSupervisorSignsOutTeamMembersFromAnySignedInStateAndTheRequestIdIsEchoed() throws Exception {
        for (String id : new String[] {"1001", "1003", "1006", "1009"}) { // READY, TALKING, HOLD, RESERVED
            HttpResponse<String> answer = call("PUT", a, "/finesse/api/User/" + id, SVC, logout(null), "req-" + id);
            assertEquals(202, answer.statusCode());
            assertEquals("", answer.body());
            assertEquals("req-" + id, answer.headers().firstValue("requestId").orElse(null));
            assertEquals("LOGOUT", simulator.directory().state(id));
        }
        User user = XML.read(call("GET", a, "/finesse/api/User/1001/", SVC, null, null).body(), User.class);
        assertEquals("LOGOUT", user.getState());
        assertEquals("999", user.getReasonCode().getCode(), "a supervisor's sign-out is recorded with code 999");
    }

    @Test
    void anAgentOnACallIsSignedOutWhenTheCallEnds() throws Exception {
        simulator.directory().callEnd(Duration.ofMillis(300));
        assertEquals(202, call("PUT", a, "/finesse/api/User/1003", SVC, logout(null), null).statusCode());
        User during = XML.read(call("GET", a, "/finesse/api/User/1003", SVC, null, null).body(), User.class);
        assertEquals("TALKING", during.getState());
        assertEquals("LOGOUT", during.getPendingState());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"LOGOUT".equals(simulator.directory().state("1003")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        User after = XML.read(call("GET", a, "/finesse/api/User/1003", SVC, null, null).body(), User.class);
        assertEquals("LOGOUT", after.getState());
        assertEquals(null, after.getPendingState());
        // a user not on a call is signed out at once, whatever the call end
        assertEquals(202, call("PUT", a, "/finesse/api/User/1002", SVC, logout(null), null).statusCode());
        assertEquals("LOGOUT", simulator.directory().state("1002"));
    }

    @Test
    void aRepeatedLogoutIsInvalidStateOrInvalidInputAsConfigured() throws Exception {
        assertError(call("PUT", a, "/finesse/api/User/1012", SVC, logout(null), null), 400, "Invalid State");
        simulator.reset(AlreadySignedOut.INVALID_INPUT, ReasonCodeRule.NONE);
        HttpResponse<String> answer = call("PUT", a, "/finesse/api/User/1012", SVC, logout(null), null);
        assertError(answer, 400, "Invalid Input");
        assertEquals("state", XML.read(answer.body(), ApiErrors.class).first().getErrorData());
    }

    @Test
    void refusalsAre401WithTheDocumentedErrorTypes() throws Exception {
        assertError(call("PUT", a, "/finesse/api/User/2001", SVC, logout(null), null), 401, "Invalid Supervisor");
        assertError(call("PUT", a, "/finesse/api/User/1002", "1001:agent-1001", logout(null), null), 401,
                "Invalid Authorization User Specified");
        assertError(call("PUT", a, "/finesse/api/User/1002", "svc-signout:nope", logout(null), null), 401,
                "Authorization Failure");
        assertError(call("PUT", a, "/finesse/api/User/9999", SVC, logout(null), null), 404, "User Not Found");
        assertError(call("PUT", a, "/finesse/api/User/1002", SVC, "<User><state>", null), 400, "Bad Request");
        assertEquals("NOT_READY", simulator.directory().state("1002"));
    }

    @Test
    void theSecondSpellingOfEachErrorTypeOnDemand() throws Exception {
        simulator.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.NONE, true);
        assertError(call("PUT", a, "/finesse/api/User/9999", SVC, logout(null), null), 404, "Not Found");
        assertError(call("PUT", a, "/finesse/api/User/1002", SVC, "<User><state>", null), 400, "Generic Error");
        simulator.side("A").faults().serverErrors(1);
        assertError(call("GET", a, "/finesse/api/User/1001", SVC, null, null), 500, "RUNTIME_EXCEPTION");
        simulator.side("A").faults().unavailableFor(Duration.ofMinutes(1));
        assertError(call("GET", a, "/finesse/api/User/1001", SVC, null, null), 503, "SERVER_OUT_OF_SERVICE");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        for (int i = 0; i < 4; i++) {
            call("GET", a, "/finesse/api/SystemInfo", "1004:wrong", null, null);
        }
        assertEquals(200, call("GET", a, "/finesse/api/SystemInfo", "1004:agent-1004", null, null).statusCode(),
                "four wrong passwords do not lock; a right one resets the count");
        for (int i = 0; i < 5; i++) {
            call("GET", a, "/finesse/api/SystemInfo", "1004:wrong", null, null);
        }
        assertError(call("GET", a, "/finesse/api/SystemInfo", "1004:agent-1004", null, null), 401, "Authorization Failure");
        assertEquals(true, simulator.directory().describe("1004").get("locked"));
    }

    @Test
    void anAgentSignsItselfOutOnlyFromNotReadyAndWithAValidReasonCode() throws Exception {
        simulator.reset(AlreadySignedOut.INVALID_STATE, ReasonCodeRule.SELF);
        String self = "1001:agent-1001";
        assertError(call("PUT", a, "/finesse/api/User/1001", self, logout("12"), null), 400, "Invalid State");
        assertError(call("PUT", a, "/finesse/api/User/1003", "1003:agent-1003", logout("12"), null), 400,
                "Invalid State"); // TALKING: not NOT_READY either
        assertEquals(202, call("PUT", a, "/finesse/api/User/1001", self, "<User><state>NOT_READY</state></User>", null)
                .statusCode());
        assertError(call("PUT", a, "/finesse/api/User/1001", self, logout(null), null), 400, "Parameter Missing");
        assertError(call("PUT", a, "/finesse/api/User/1001", self, logout("99"), null), 400, "Invalid Input");
        assertEquals(202, call("PUT", a, "/finesse/api/User/1001", self, logout("12"), null).statusCode());
        User user = XML.read(call("GET", a, "/finesse/api/User/1001", self, null, null).body(), User.class);
        assertEquals("12", user.getReasonCodeId());
        assertEquals("End of shift", user.getReasonCode().getLabel());
    }

    @Test
    void anAgentGoesNotReadyWithANotReadyReasonCodeOnly() throws Exception {
        String self = "1004:agent-1004";
        assertError(call("PUT", a, "/finesse/api/User/1004", self,
                "<User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>", null), 400, "Invalid Input");
        assertEquals("READY", simulator.directory().state("1004"), "12 is a LOGOUT reason code");
        assertEquals(202, call("PUT", a, "/finesse/api/User/1004", self,
                "<User><state>NOT_READY</state><reasonCodeId>21</reasonCodeId></User>", null).statusCode());
        User user = XML.read(call("GET", a, "/finesse/api/User/1004", self, null, null).body(), User.class);
        assertEquals("NOT_READY", user.getState());
        assertEquals("21", user.getReasonCodeId());
        assertEquals("NOT_READY", user.getReasonCode().getCategory());
        assertEquals(202, call("PUT", a, "/finesse/api/User/1004", self, logout(null), null).statusCode());
    }

    @Test
    void aSupervisorSignsItselfOutFromAnySignedInStateAndTheCallNamesItsAccount() throws Exception {
        String self = "SupervisorA:sandbox-supervisor-a";
        simulator.directory().setState("SupervisorA", "READY");
        assertEquals(202, call("PUT", a, "/finesse/api/User/SupervisorA", self, logout(null), null).statusCode());
        assertEquals("LOGOUT", simulator.directory().state("SupervisorA"));
        SimulatedSide.ReceivedCall put = simulator.side("A").recentCalls().stream()
                .filter(c -> c.method().equals("PUT")).reduce((first, second) -> second).orElseThrow();
        assertEquals("SupervisorA", put.account(), "the account the call was made with, never its password");
        assertTrue(!put.toString().contains("sandbox-supervisor-a"));
        simulator.directory().setState("SupervisorA", "TALKING");
        assertEquals(202, call("PUT", a, "/finesse/api/User/SupervisorA", self, logout(null), null).statusCode());
        assertEquals("LOGOUT", simulator.directory().state("SupervisorA"), "no call end to wait for on one's own");
        // an agent may not act on another user, not even to read it
        assertError(call("GET", a, "/finesse/api/User/1002", "1001:agent-1001", null, null), 401,
                "Invalid Authorization User Specified");
    }

    @Test
    void teamsListSignedInMembersUnlessLoggedOutAgentsAreAskedFor() throws Exception {
        Team team = XML.read(call("GET", a, "/finesse/api/Team/8", SVC, null, null).body(), Team.class);
        assertEquals(3, team.getUsers().size(), "1012 is signed out");
        team = XML.read(call("GET", a, "/finesse/api/Team/8?includeLoggedOutAgents=true", SVC, null, null).body(),
                Team.class);
        assertEquals(4, team.getUsers().size());
        assertError(call("GET", a, "/finesse/api/Team/9", SVC, null, null), 401, "Invalid Supervisor");
        User svc = XML.read(call("GET", a, "/finesse/api/User/svc-signout", SVC, null, null).body(), User.class);
        assertEquals(2, svc.getTeams().size(), "a supervisor's User lists the teams it supervises");
    }

    @Test
    void bothSidesShareOneStateAndServeHttps() throws Exception {
        String bHttps = simulator.side("B").httpsUrl();
        assertEquals(202, call("PUT", bHttps, "/finesse/api/User/1001", SVC, logout(null), null).statusCode());
        assertError(call("PUT", a, "/finesse/api/User/1001", SVC, logout(null), null), 400, "Invalid State");
        SystemInfo info = XML.read(call("GET", bHttps, "/finesse/api/SystemInfo", SVC, null, null).body(), SystemInfo.class);
        assertEquals("IN_SERVICE", info.getStatus());
        assertEquals("pubsub.finesse.example.com", info.getXmppPubSubDomain());
    }

    @Test
    void faultsOnDemand() throws Exception {
        SimulatedSide side = simulator.side("A");
        side.faults().unavailableFor(Duration.ofMinutes(1));
        assertError(call("PUT", a, "/finesse/api/User/1001", SVC, logout(null), null), 503, "Service Unavailable");
        assertEquals("OUT_OF_SERVICE", XML.read(call("GET", a, "/finesse/api/SystemInfo", SVC, null, null).body(),
                SystemInfo.class).getStatus());
        side.faults().clear();
        side.faults().serverErrors(1);
        assertError(call("GET", a, "/finesse/api/User/1001", SVC, null, null), 500, "Internal Server Error");
        assertEquals(200, call("GET", a, "/finesse/api/User/1001", SVC, null, null).statusCode());
        side.faults().redirectToHttps(true);
        HttpResponse<String> redirect = call("GET", a, "/finesse/api/User/1001", SVC, null, null);
        assertEquals(301, redirect.statusCode());
        assertEquals(side.httpsUrl() + "/finesse/api/User/1001", redirect.headers().firstValue("Location").orElseThrow());
        side.refuseConnections(true);
        assertThrows(ConnectException.class, () -> call("GET", a, "/finesse/api/SystemInfo", SVC, null, null));
        side.refuseConnections(false);
        side.faults().clear();
        assertEquals(200, call("GET", a, "/finesse/api/SystemInfo", SVC, null, null).statusCode());
    }

    @Test
    void theAdminApiSwitchesFaultsAndSetsStates() throws Exception {
        String admin = simulator.adminUrl();
        HttpResponse<String> set = client.send(HttpRequest.newBuilder(URI.create(admin + "/sides/A/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"unavailableForMillis\": 60000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode());
        assertEquals(503, call("GET", a, "/finesse/api/User/1001", SVC, null, null).statusCode());
        client.send(HttpRequest.newBuilder(URI.create(admin + "/sides/A/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, call("GET", a, "/finesse/api/User/1001", SVC, null, null).statusCode());

        HttpResponse<String> state = client.send(HttpRequest.newBuilder(URI.create(admin + "/users/1012/state"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\": \"READY\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(state.body().contains("\"READY\""), state.body());
        assertEquals("READY", simulator.directory().state("1012"));
        client.send(HttpRequest.newBuilder(URI.create(admin + "/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("LOGOUT", simulator.directory().state("1012"));
    }

    private static String logout(String reasonCodeId) {
        return XML.write(User.logout(reasonCodeId));
    }

    private static void assertError(HttpResponse<String> answer, int status, String errorType) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(errorType, XML.read(answer.body(), ApiErrors.class).first().getErrorType());
    }

    private static HttpResponse<String> call(String method, String base, String path, String credentials, String body,
            String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/xml");
        }
        if (requestId != null) {
            request.header("requestId", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
