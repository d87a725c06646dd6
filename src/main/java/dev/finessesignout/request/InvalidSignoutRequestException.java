package dev.finessesignout.request;

/** A request that must not reach Finesse; it carries what could be read of the request for the audit record. */
public class InvalidSignoutRequestException extends RuntimeException {
    private final transient SignoutRequest request;

    public InvalidSignoutRequestException(String message, SignoutRequest request) {
        super(message);
        this.request = request;
    }

    public SignoutRequest getRequest() {
        return request;
    }
}
