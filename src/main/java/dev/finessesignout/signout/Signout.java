package dev.finessesignout.signout;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.request.SignoutRequest;

/**
 * One request on its way through the sign-out worker: what was sent where, what Finesse answered, and the outcome.
 * Kept as an exchange property (never as a header, so nothing of it is sent to Finesse as an HTTP header). Once
 * accepted it waits in the persistent confirmation repository, hence serializable.
 */
public class Signout implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    public static final String PROPERTY = "signout";

    private SignoutRequest request;
    /** The Finesse account the request is sent with: the service account, or the user's own (self sign-out). */
    private String account;
    private Outcome outcome;
    private String detail;
    private String finesseNode;
    private String finesseUrl;
    private Integer httpStatus;
    private int attempts;
    private Instant sentAt;
    private Instant tryingSince;
    private Instant answeredAt;
    private List<ApiError> finesseErrors = List.of();
    /** Finesse said "already signed out"; GET User must confirm it before the outcome is final. */
    private boolean stateCheckNeeded;
    /** An agent signing itself out from READY: it is set NOT_READY before the LOGOUT is sent once more. */
    private boolean notReadyNeeded;
    /** When GET User showed the agent NOT_READY after the bundle set it so. */
    private Instant notReadyAt;
    private ConfirmedBy confirmedBy;
    private Instant confirmedAt;
    /** Finesse showed pendingState LOGOUT (the agent is on a call): the sign-out happens when the call ends. */
    private Instant pendingSince;

    public Signout(SignoutRequest request) {
        this.request = request;
    }

    /** Just before a call leaves for a node. */
    public synchronized void sending() {
        tryingSince = Instant.now();
    }

    /**
     * A node answered. The sign-out PUT's answer is the one the record names (node, status, time); later GET User
     * calls (an already-signed-out check, a poll) leave it alone. Only sign-out PUTs count as attempts.
     */
    public synchronized void answered(String node, String url, int status, boolean signOutCall) {
        sentWithoutAnswer(signOutCall);
        if (signOutCall) {
            finesseNode = node;
            finesseUrl = url;
            httpStatus = status;
            answeredAt = Instant.now();
        }
    }

    /** A call went out (it connected) but no answer came back. */
    public synchronized void sentWithoutAnswer(boolean signOutCall) {
        if (signOutCall) {
            attempts++;
            if (sentAt == null) {
                sentAt = tryingSince;
            }
        }
    }

    public void finish(Outcome outcome, String detail) {
        this.outcome = outcome;
        this.detail = detail;
        this.stateCheckNeeded = false;
        this.notReadyNeeded = false;
    }

    /** No outcome yet, and nothing to do before the (next) LOGOUT is sent. */
    public boolean isSignOutDue() {
        return outcome == null && !stateCheckNeeded && !notReadyNeeded;
    }

    /** Finesse refused the LOGOUT of an agent in READY: NOT_READY first. */
    public void notReadyFirst() {
        stateCheckNeeded = false;
        notReadyNeeded = true;
    }

    /** GET User shows the agent NOT_READY: the LOGOUT can go again. */
    public void notReady(Instant shownAt) {
        notReadyNeeded = false;
        notReadyAt = shownAt;
    }

    /** Proof that the user is signed out; the time is when it arrived, never before the 202 was read. */
    public void confirm(ConfirmedBy by, Instant provenAt, String detail) {
        confirmedBy = by;
        confirmedAt = answeredAt != null && provenAt.isBefore(answeredAt) ? answeredAt : provenAt;
        finish(Outcome.CONFIRMED, detail);
    }

    public void pending(Instant since) {
        if (pendingSince == null) {
            pendingSince = since;
        }
    }

    /** Accepted (the 202 was read) to confirmed, in milliseconds. */
    public Long getConfirmationMillis() {
        return confirmedAt == null || answeredAt == null ? null : Duration.between(answeredAt, confirmedAt).toMillis();
    }

    /** The user signs itself out, with its own credentials. */
    public boolean isSelfSignout() {
        return request.userId() != null && request.userId().equals(account);
    }

    public SignoutRequest getRequest() { return request; }

    /** The request as it now is (a deferred request records what its on-call checks found). */
    public void setRequest(SignoutRequest request) { this.request = request; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public Outcome getOutcome() { return outcome; }
    public String getDetail() { return detail; }
    public String getFinesseNode() { return finesseNode; }
    public String getFinesseUrl() { return finesseUrl; }
    public Integer getHttpStatus() { return httpStatus; }
    public int getAttempts() { return attempts; }
    public Instant getSentAt() { return sentAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public List<ApiError> getFinesseErrors() { return finesseErrors; }
    public void setFinesseErrors(List<ApiError> finesseErrors) { this.finesseErrors = List.copyOf(finesseErrors); }
    public ConfirmedBy getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getPendingSince() { return pendingSince; }
    public boolean isStateCheckNeeded() { return stateCheckNeeded; }
    public boolean isNotReadyNeeded() { return notReadyNeeded; }
    public Instant getNotReadyAt() { return notReadyAt; }
    public void setStateCheckNeeded(boolean stateCheckNeeded) { this.stateCheckNeeded = stateCheckNeeded; }
}
