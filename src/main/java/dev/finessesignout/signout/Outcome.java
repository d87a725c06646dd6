package dev.finessesignout.signout;

/** The outcome of one sign-out request, as the audit record names it. Every outcome but ACCEPTED is final. */
public enum Outcome {
    /** Finesse answered 202 Accepted: it took the sign-out, and the request now waits for its proof. Never final. */
    ACCEPTED,
    /** Finesse showed the user signed out after the request: by a notification or by GET User (see confirmedBy). */
    CONFIRMED,
    /** Finesse said the user is already signed out, and GET User confirmed state LOGOUT. */
    ALREADY_SIGNED_OUT,
    /** Finesse refused the request (400, 401, 404); it is never sent again. */
    REJECTED,
    /**
     * No answer that settles it: Finesse unavailable after every retry, a redirect, an unexpected answer, or a failure
     * that Finesse notified after its 202 (an apiErrors update naming the request).
     */
    FAILED,
    /** Finesse accepted the sign-out, but neither a notification nor GET User showed the user signed out in time. */
    UNCONFIRMED,
    /** The request itself was unusable and was never sent to Finesse. */
    INVALID_REQUEST;

    public boolean isFinal() {
        return this != ACCEPTED;
    }

    /** The user is (or was already) signed out. */
    public boolean isSignedOut() {
        return this == CONFIRMED || this == ALREADY_SIGNED_OUT;
    }
}
