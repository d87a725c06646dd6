package dev.finessesignout.confirm;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.finessesignout.signout.ConfirmedBy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;

/**
 * One user's aggregation group: the accepted sign-outs waiting for proof and the evidence heard for that user. Evidence
 * is kept (a few items) because it may arrive before the 202 is read, or before a second request for the same user.
 */
public class AwaitedSignouts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int EVIDENCE_KEPT = 10;

    private final String userId;
    private final List<Signout> signouts = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();

    public AwaitedSignouts(String userId) {
        this.userId = userId;
    }

    /** A request already here (sent again after a crash before its queue message was acknowledged) is not added twice. */
    public void add(Signout signout, Duration clockTolerance) {
        if (holds(signout.getRequest().requestId())) {
            return;
        }
        signouts.add(signout);
        evidence.forEach(heard -> apply(heard, signout, clockTolerance));
    }

    public void add(Evidence heard, Duration clockTolerance) {
        evidence.add(heard);
        if (evidence.size() > EVIDENCE_KEPT) {
            evidence.remove(0);
        }
        signouts.forEach(signout -> apply(heard, signout, clockTolerance));
    }

    /**
     * The contract's rules (section 5): a LOGOUT naming the request confirms it; without the requestId, a LOGOUT at or
     * after the time the request was sent confirms it; an apiErrors update naming the request fails it; a pending
     * LOGOUT keeps it open. A 202 means the user was signed in when the request was sent, so anything older is stale:
     * a notification heard before the request left (a late duplicate of an earlier sign-out), or a change naming
     * another request from before it. Only a change that names no request gets the tolerance for a clock difference
     * between Finesse and this machine.
     */
    static void apply(Evidence heard, Signout signout, Duration clockTolerance) {
        if (signout.getOutcome() != Outcome.ACCEPTED) {
            return;
        }
        String requestId = signout.getRequest().requestId();
        boolean named = requestId.equals(heard.requestId());
        Instant sent = signout.getSentAt();
        if (!named && sent != null && heard.receivedAt().isBefore(sent)) {
            return;
        }
        Duration tolerance = heard.requestId() == null ? clockTolerance : Duration.ZERO;
        boolean afterRequest = sent == null || !heard.time().isBefore(sent.minus(tolerance));
        switch (heard.kind()) {
            case REQUEST_FAILED -> {
                if (named) {
                    signout.setFinesseErrors(heard.errors());
                    signout.finish(Outcome.FAILED, "Finesse accepted the sign-out, then notified that it failed: "
                            + (heard.errors().isEmpty() ? "no error given" : heard.errors().get(0)));
                }
            }
            case SIGNED_OUT -> {
                if (named) {
                    signout.confirm(ConfirmedBy.NOTIFICATION_REQUEST_ID, heard.receivedAt(), "a notification on "
                            + heard.node() + " shows state LOGOUT for this request");
                } else if (afterRequest) {
                    signout.confirm(ConfirmedBy.NOTIFICATION_STATE_TIME, heard.receivedAt(), "a notification on "
                            + heard.node() + " shows state LOGOUT since " + heard.time() + ", after the request"
                            + (heard.requestId() == null ? " (it names no request)" : " (it names request "
                            + heard.requestId() + ")"));
                }
            }
            case SIGN_OUT_PENDING -> {
                if (named || afterRequest) {
                    signout.pending(heard.receivedAt());
                }
            }
        }
    }

    /** Every request of the group has its final outcome. A group of evidence only is never complete: it times out. */
    public boolean isComplete() {
        return !signouts.isEmpty() && signouts.stream().allMatch(signout -> signout.getOutcome().isFinal());
    }

    /** A request waits for a call to end: it gets the longer limit. */
    public boolean isPending() {
        return signouts.stream().anyMatch(s -> s.getOutcome() == Outcome.ACCEPTED && s.getPendingSince() != null);
    }

    public boolean holds(String requestId) {
        return signouts.stream().anyMatch(s -> s.getRequest().requestId().equals(requestId));
    }

    public String getUserId() { return userId; }
    public List<Signout> getSignouts() { return signouts; }
}
