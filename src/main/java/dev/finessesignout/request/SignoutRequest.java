package dev.finessesignout.request;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One request to sign one Finesse user out: what travels on the internal queue from intake to the sign-out worker. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignoutRequest(String requestId, String userId, String reasonCodeId, RequestSource source,
        Instant receivedAt, OnCall onCall) implements java.io.Serializable {

    /** A request without an on-call policy: it is sent whatever the agent is doing. */
    public SignoutRequest(String requestId, String userId, String reasonCodeId, RequestSource source,
            Instant receivedAt) {
        this(requestId, userId, reasonCodeId, source, receivedAt, null);
    }

    public SignoutRequest withOnCall(OnCall policy) {
        return new SignoutRequest(requestId, userId, reasonCodeId, source, receivedAt, policy);
    }

    /**
     * A request id made from what identifies a request where it came from (trigger, file or message, position...):
     * the same request read again yields the same id, so it is not queued twice.
     */
    public static String derivedId(Object... parts) {
        return UUID.nameUUIDFromBytes(java.util.Arrays.stream(parts).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("|")).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** The id of the request at this position (line, or place in an XML/JSON file) of a dropped file. */
    public static String fileRequestId(String file, Long size, Long modified, int position) {
        return derivedId("file", file, size, modified, position);
    }

    /** A producer may leave out the request id and the time it was received: they are made here. */
    public SignoutRequest withDefaults() {
        if (requestId != null && receivedAt != null) {
            return this;
        }
        return new SignoutRequest(requestId == null ? UUID.randomUUID().toString() : requestId, userId, reasonCodeId,
                source, receivedAt == null ? Instant.now() : receivedAt, onCall);
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
