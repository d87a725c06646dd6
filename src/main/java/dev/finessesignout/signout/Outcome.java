package dev.finessesignout.signout;

/** The outcome of one sign-out request, as the audit record names it. */
public enum Outcome {
    /** Finesse answered 202 Accepted: it took the sign-out; the XMPP notification is the proof. */
    ACCEPTED,
    /** Finesse said the user is already signed out, and GET User confirmed state LOGOUT. */
    ALREADY_SIGNED_OUT,
    /** Finesse refused the request (400, 401, 404); it is never sent again. */
    REJECTED,
    /** No answer that settles it: Finesse unavailable after every retry, a redirect, an unexpected answer. */
    FAILED,
    /** The request itself was unusable and was never sent to Finesse. */
    INVALID_REQUEST
}
