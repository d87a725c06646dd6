package dev.finessesignout.signout;

/** A Finesse node did not answer, or answered 503: the request moves to the other node and is retried. */
public class FinesseUnavailableException extends RuntimeException {
    public FinesseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
