package dev.finessesignout.signout;

/** How a CONFIRMED sign-out was proven. */
public enum ConfirmedBy {
    /** A notification showed state LOGOUT and named the request's requestId. */
    NOTIFICATION_REQUEST_ID,
    /** A notification showed state LOGOUT with a change time at or after the request (no requestId, or another's). */
    NOTIFICATION_STATE_TIME,
    /** No notification came in time; GET User showed state LOGOUT. */
    POLL
}
