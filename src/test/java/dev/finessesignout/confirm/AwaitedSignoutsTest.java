package dev.finessesignout.confirm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.request.SignoutRequest;
import dev.finessesignout.signout.ConfirmedBy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The correlation rules of one user's group, in every order the evidence can arrive in. */
class AwaitedSignoutsTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(2);
    private final Instant sent = Instant.now();

    @Test
    void evidenceHeardBeforeThe202ConfirmsTheRequestWhenItArrives() {
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(evidence(Evidence.Kind.SIGNED_OUT, "r-1", sent.plusMillis(5)), TOLERANCE);
        assertFalse(group.isComplete(), "evidence alone never completes a group");
        Signout signout = accepted("r-1");
        group.add(signout, TOLERANCE);
        assertTrue(group.isComplete());
        assertEquals(ConfirmedBy.NOTIFICATION_REQUEST_ID, signout.getConfirmedBy());
        assertEquals(0L, signout.getConfirmationMillis(), "proven when the 202 was read");
    }

    @Test
    void aLogoutWithoutRequestIdCountsFromTheTimeTheRequestWasSent() {
        Signout signout = accepted("r-1");
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(signout, TOLERANCE);
        group.add(evidence(Evidence.Kind.SIGNED_OUT, null, sent.minusSeconds(60)), TOLERANCE);
        assertFalse(group.isComplete(), "a LOGOUT from before the request proves nothing");
        group.add(evidence(Evidence.Kind.SIGNED_OUT, null, sent.minusSeconds(1)), TOLERANCE);
        assertEquals(ConfirmedBy.NOTIFICATION_STATE_TIME, signout.getConfirmedBy(), "within the clock tolerance");
    }

    @Test
    void staleNotificationsOfAnEarlierSignOutConfirmNothing() {
        Evidence heardBeforeTheRequestLeft = evidence(Evidence.Kind.SIGNED_OUT, null, Instant.now());
        Signout signout = accepted("r-1");
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(heardBeforeTheRequestLeft, TOLERANCE);
        group.add(signout, TOLERANCE);
        assertFalse(group.isComplete(), "heard before the request was sent: a late duplicate");
        group.add(evidence(Evidence.Kind.SIGNED_OUT, "an-earlier-request", signout.getSentAt().minusMillis(1500)),
                TOLERANCE);
        assertFalse(group.isComplete(), "another request's LOGOUT from before this one gets no clock tolerance");
        group.add(evidence(Evidence.Kind.SIGNED_OUT, null, signout.getSentAt().minusMillis(1500)), TOLERANCE);
        assertTrue(group.isComplete(), "a change naming no request does");
    }

    @Test
    void anAsynchronousFailureFailsOnlyTheRequestItNames() {
        Signout first = accepted("r-1");
        Signout second = accepted("r-2");
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(first, TOLERANCE);
        group.add(second, TOLERANCE);
        group.add(new Evidence(Evidence.Kind.REQUEST_FAILED, "1042", "r-2", null, sent.plusMillis(5), "n",
                List.of(new ApiError("Invalid State", "not allowed", "state"))), TOLERANCE);
        assertEquals(Outcome.ACCEPTED, first.getOutcome());
        assertEquals(Outcome.FAILED, second.getOutcome());
        assertEquals("Invalid State", second.getFinesseErrors().get(0).getErrorType());
        assertFalse(group.isComplete());
        group.add(evidence(Evidence.Kind.SIGNED_OUT, "r-1", sent.plusMillis(9)), TOLERANCE);
        assertTrue(group.isComplete());
        assertEquals(Outcome.FAILED, second.getOutcome(), "a later LOGOUT does not undo a final outcome");
    }

    @Test
    void aPendingSignOutWaitsLongerUntilTheRealLogout() {
        Signout signout = accepted("r-1");
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(signout, TOLERANCE);
        assertFalse(group.isPending());
        group.add(evidence(Evidence.Kind.SIGN_OUT_PENDING, "r-1", sent.minusSeconds(600)), TOLERANCE);
        assertTrue(group.isPending(), "named by its requestId, whatever the state's change time");
        group.add(evidence(Evidence.Kind.SIGNED_OUT, null, sent.plusSeconds(300)), TOLERANCE);
        assertTrue(group.isComplete());
        assertEquals(Outcome.CONFIRMED, signout.getOutcome());
    }

    @Test
    void aDuplicateNotificationChangesNothing() {
        Signout signout = accepted("r-1");
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(signout, TOLERANCE);
        Evidence heard = evidence(Evidence.Kind.SIGNED_OUT, "r-1", sent.plusMillis(5));
        group.add(heard, TOLERANCE);
        Instant confirmedAt = signout.getConfirmedAt();
        group.add(heard, TOLERANCE);
        assertEquals(confirmedAt, signout.getConfirmedAt());
        assertEquals(1, group.getSignouts().size());
    }

    @Test
    void aRequestSentAgainAfterACrashIsHeldOnce() {
        AwaitedSignouts group = new AwaitedSignouts("1042");
        group.add(accepted("r-1"), TOLERANCE);
        group.add(accepted("r-1"), TOLERANCE);
        assertEquals(1, group.getSignouts().size());
        assertTrue(group.holds("r-1"));
    }

    @Test
    void theGroupKeepsTheWaitItNeedsForARestart() {
        var context = new org.apache.camel.impl.DefaultCamelContext();
        Confirmations confirmations = new Confirmations(TOLERANCE, Duration.ofSeconds(30), Duration.ofMinutes(15),
                null, null);
        var first = new org.apache.camel.support.DefaultExchange(context);
        first.getIn().setHeader(Correlation.USER, "1042");
        first.getIn().setBody(accepted("r-1"));
        var group = confirmations.aggregate(null, first);
        assertEquals(30_000L, group.getProperty(org.apache.camel.ExchangePropertyKey.AGGREGATED_TIMEOUT, Long.class));
        var pending = new org.apache.camel.support.DefaultExchange(context);
        pending.getIn().setBody(evidence(Evidence.Kind.SIGN_OUT_PENDING, "r-1", sent));
        group = confirmations.aggregate(group, pending);
        assertEquals(900_000L, group.getProperty(org.apache.camel.ExchangePropertyKey.AGGREGATED_TIMEOUT, Long.class),
                "a restored group waits for the call to end, not for the shorter notification wait");
        assertEquals(900_000L, pending.getIn().getHeader(Correlation.WAIT_MILLIS, Long.class));
    }

    private Signout accepted(String requestId) {
        Signout signout = new Signout(new SignoutRequest(requestId, "1042", null, RequestSource.file("f.csv"), sent));
        signout.sending();
        signout.answered("A", "https://a", 202, true);
        signout.finish(Outcome.ACCEPTED, "accepted");
        return signout;
    }

    private Evidence evidence(Evidence.Kind kind, String requestId, Instant changedAt) {
        return new Evidence(kind, "1042", requestId, changedAt, Instant.now(), "/finesse/api/Team/7/Users", List.of());
    }
}
