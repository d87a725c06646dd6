package dev.finessesignout.request;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One request to sign one Finesse user out: what travels on the internal queue from intake to the sign-out worker. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignoutRequest(String requestId, String userId, String reasonCodeId, RequestSource source,
        Instant receivedAt) {

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
