package dev.finessesignout.request;

/** A JMS message that carries no usable request at all: it goes to the dead letter queue with this reason. */
public class UnreadableMessageException extends RuntimeException {
    public UnreadableMessageException(String message) {
        super(message);
    }
}
