package dev.finessesignout.signout;

/** Finesse answered 500: a transient fault on the node, retried on the same node with back-off. */
public class FinesseServerErrorException extends RuntimeException {
    public FinesseServerErrorException(String message) {
        super(message);
    }
}
