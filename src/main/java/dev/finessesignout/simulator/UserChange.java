package dev.finessesignout.simulator;

import dev.finessesignout.model.User;

/** A user's state changed: what its notification tells (the user as a Team lists it, and the request that did it). */
public record UserChange(User user, String teamId, String requestId) {
}
