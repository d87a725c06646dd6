package dev.finessesignout.simulator;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.model.User;

/**
 * A user's state changed, or a request for it failed after its 202 ({@code failure} set): what its notification tells
 * (the user as a Team lists it, and the request that did it).
 */
public record UserChange(User user, String teamId, String requestId, ApiError failure) {

    public UserChange(User user, String teamId, String requestId) {
        this(user, teamId, requestId, null);
    }
}
