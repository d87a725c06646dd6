package dev.finessesignout.confirm;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.ApiError;

/**
 * What a notification proves about one user that a request may be waiting for: the user is signed out, the sign-out is
 * pending (the agent is on a call), or a request failed after its 202. Everything else is dropped before it gets here.
 *
 * @param changedAt  Finesse's stateChangeTime, or null when the notification had none (or an unreadable one)
 * @param receivedAt when the notification reached the listener
 */
public record Evidence(Kind kind, String userId, String requestId, Instant changedAt, Instant receivedAt, String node,
        List<ApiError> errors) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind { SIGNED_OUT, SIGN_OUT_PENDING, REQUEST_FAILED }

    /** The time to compare with the request: Finesse's change time, else the time it arrived. */
    public Instant time() {
        return changedAt != null ? changedAt : receivedAt;
    }
}
