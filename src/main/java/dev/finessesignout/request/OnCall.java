package dev.finessesignout.request;

import java.io.Serializable;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a scheduled request does when its agent is on a call. {@code defer}: it waits on the queue, checked again
 * now and then, until the call ends or {@code deferUntil} passes (then it is sent anyway). {@code force}: it is sent at
 * once and Finesse holds the sign-out pending until the call ends. deferredSince and callState record the first
 * check that found the agent on a call, checks how many found it so; limitReached that the call outlasted the limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnCall(String policy, Instant deferUntil, Instant deferredSince, String callState, Boolean limitReached,
        Integer checks) implements Serializable {
    public static final String DEFER = "defer";
    public static final String FORCE = "force";

    public boolean defers() {
        return DEFER.equals(policy);
    }

    /** The agent was found on a call (again). */
    public OnCall deferred(String state) {
        return new OnCall(policy, deferUntil, deferredSince == null ? Instant.now() : deferredSince,
                callState == null ? state : callState, null, checks == null ? 1 : checks + 1);
    }

    public OnCall pastLimit() {
        return new OnCall(policy, deferUntil, deferredSince, callState, true, checks);
    }
}
