package dev.finessesignout.request;

/** A dropped file that is not a text file of requests at all; it goes to the error folder whole. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }
}
