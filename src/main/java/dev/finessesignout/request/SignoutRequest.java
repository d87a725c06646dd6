package dev.finessesignout.request;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One request to sign one Finesse user out: what travels on the internal queue from intake to the sign-out worker. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignoutRequest(String requestId, String userId, String reasonCodeId, RequestSource source,
        Instant receivedAt) implements java.io.Serializable {

    /** A producer may leave out the request id and the time it was received: they are made here. */
    public SignoutRequest withDefaults() {
        if (requestId != null && receivedAt != null) {
            return this;
        }
        return new SignoutRequest(requestId == null ? UUID.randomUUID().toString() : requestId, userId, reasonCodeId,
                source, receivedAt == null ? Instant.now() : receivedAt);
    }

    /** Throws {@link InvalidSignoutRequestException} naming the first problem, or returns this request. */
    public SignoutRequest validated() {
        String problem = RequestRules.requestIdProblem(requestId);
        if (problem == null) {
            problem = RequestRules.userIdProblem(userId);
        }
        if (problem == null) {
            problem = RequestRules.reasonCodeIdProblem(reasonCodeId);
        }
        if (problem != null) {
            throw new InvalidSignoutRequestException(problem, this);
        }
        return this;
    }
}
