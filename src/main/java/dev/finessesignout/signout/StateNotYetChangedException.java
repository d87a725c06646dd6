package dev.finessesignout.signout;

/**
 * Finesse accepted a change of state (202) that GET User does not show yet: a 202 only means accepted. The sign-out
 * worker's error handling asks again a few times (signout.self.not-ready-checks), then records FAILED.
 */
public class StateNotYetChangedException extends RuntimeException {
    public StateNotYetChangedException(String message) {
        super(message);
    }
}
