package dev.finessesignout.request;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1042", "jdoe", "SupervisorA", "j.doe_2@corp-x", "a"})
    void acceptsUcceAndUccxLoginIds(String id) {
        assertNull(RequestRules.userIdProblem(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10/42", "..", "a..b", "10%2F42", "10 42", "10\t42", "1042\n", "\u0000", "j\u00f6rg",
        "\u200b1042", "1042?x=1", "1042#", ""})
    void refusesIdsThatCouldChangeTheUrlOrAreNotIds(String id) {
        String problem = RequestRules.userIdProblem(id);
        assertNotNull(problem, "accepted " + id);
    }

    @Test
    void refusesIdsLongerThan64Characters() {
        assertNull(RequestRules.userIdProblem("x".repeat(64)));
        String problem = RequestRules.userIdProblem("x".repeat(10_000));
        assertTrue(problem.contains("10000 characters long"), problem);
        assertTrue(problem.length() < 300, "the error does not repeat a huge value: " + problem.length());
    }

    @Test
    void namesTheReasonInPlainWords() {
        assertTrue(RequestRules.userIdProblem("a/b").contains("'/'"));
        assertTrue(RequestRules.userIdProblem("a..b").contains("'..'"));
        assertTrue(RequestRules.userIdProblem("a%2f").contains("'%'"));
        assertTrue(RequestRules.userIdProblem("a b").contains("white space"));
        assertTrue(RequestRules.userIdProblem("a\u0007b").contains("\\u0007"), "control characters are shown escaped");
        assertTrue(RequestRules.userIdProblem(null).contains("missing"));
    }

    @Test
    void aReasonCodeIdIsADatabaseIdNumber() {
        assertNull(RequestRules.reasonCodeIdProblem(null));
        assertNull(RequestRules.reasonCodeIdProblem("12"));
        assertNotNull(RequestRules.reasonCodeIdProblem("End of shift"));
        assertNotNull(RequestRules.reasonCodeIdProblem("-1"));
    }

    @Test
    void aRequestIsValidatedAsAWhole() {
        SignoutRequest good = new SignoutRequest("r-1", "1042", "12", RequestSource.file("f.csv"), Instant.now());
        assertEquals(good, good.validated());
        InvalidSignoutRequestException bad = assertThrows(InvalidSignoutRequestException.class,
                () -> new SignoutRequest("r-2", "10/42", null, null, Instant.now()).validated());
        assertEquals("10/42", bad.getRequest().userId());
        assertThrows(InvalidSignoutRequestException.class,
                () -> new SignoutRequest("bad id!", "1042", null, null, Instant.now()).validated());
    }

    @Test
    void aMissingRequestIdAndReceivedTimeAreMade() {
        SignoutRequest bare = new SignoutRequest(null, "1042", null, null, null).withDefaults();
        assertEquals(36, bare.requestId().length());
        assertNotNull(bare.receivedAt());
        assertEquals(bare, bare.validated());
        SignoutRequest given = new SignoutRequest("r-9", "1042", null, null, Instant.EPOCH);
        assertEquals(given, given.withDefaults());
    }
}
